import Foundation
import FlyingSocks

/// The open server-sent-event streams, one per open preview tab.
actor EventHub {
    private var subscribers: [UUID: AsyncStream<Data>.Continuation] = [:]
    private var closed = false

    var count: Int { subscribers.count }

    /// A new stream that starts with `first`. It ends when the client goes away (its
    /// iterator is dropped) or when the server stops.
    func subscribe(first: Data) -> AsyncStream<Data> {
        // Only the newest messages matter to a slow reader: each one means "reload now".
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self, bufferingPolicy: .bufferingNewest(8))
        continuation.yield(first)
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return stream
    }

    func broadcast(_ message: Data) {
        for (id, continuation) in subscribers {
            if case .terminated = continuation.yield(message) { subscribers[id] = nil }
        }
    }

    /// Ends every stream, so that their connections can close before the server stops.
    func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func remove(_ id: UUID) {
        subscribers[id] = nil
    }

    /// `event: name` and `data: json`, as the EventSource API reads them.
    static func message(_ event: String, _ json: String) -> Data {
        Data("event: \(event)\ndata: \(json)\n\n".utf8)
    }

    /// A comment line: keeps proxies from closing an idle stream and reveals clients that left.
    static let heartbeat = Data(": ping\n\n".utf8)
}

/// An `AsyncStream<Data>` as the byte sequence FlyingFox sends as a chunked body:
/// each message goes out as one chunk as soon as it is yielded.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            while pending.isEmpty {
                guard let data = await base.next() else { return nil }
                pending = Array(data)
            }
            let taken = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
