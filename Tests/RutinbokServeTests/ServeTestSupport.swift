import Foundation
@testable import RutinbokCore
@testable import RutinbokServe
import TestScratch

enum ServePaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder(_ name: String) -> URL {
        TestScratch.folder(name)
    }
}

/// A preview server on a free port over a private copy of the demo content and theme.
struct RunningPreview {
    let server: PreviewServer
    let port: UInt16
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("output") }

    /// `theme`: files of a theme (`tema/`, path → text) laid over the copy of the shipped
    /// templates; nil for the shipped templates alone.
    static func start(heartbeat: Duration = .seconds(15), theme: [String: String]? = nil) async throws -> RunningPreview {
        let root = ServePaths.temporaryFolder("rutinbok-serve")
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: ServePaths.packageRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        var options = Build.Options()
        options.content = root.appendingPathComponent("content").path
        options.templates = root.appendingPathComponent("templates").path
        if let theme {
            for (path, text) in theme {
                let file = root.appendingPathComponent("tema").appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: file, atomically: true, encoding: .utf8)
            }
            options.templates = root.appendingPathComponent("tema").path
            options.shippedTemplates = root.appendingPathComponent("templates").path
        }
        options.output = root.appendingPathComponent("output").path
        options.today = Day("2026-11-29")!
        var configuration = PreviewServer.Configuration(build: options)
        configuration.port = 0
        configuration.pollInterval = .milliseconds(100)
        configuration.heartbeat = heartbeat
        // Other suites' builds run beside this one on two cores.
        configuration.listenTimeout = .seconds(60)
        let server = PreviewServer(configuration)
        let port = try await server.start()
        return RunningPreview(server: server, port: port, root: root)
    }

    func get(_ path: String, method: String = "GET", headers: [String: String] = [:]) async throws -> RawHTTP.Response {
        try await RawHTTP.request(port: port, method: method, path: path, headers: headers)
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: root)
    }
}

/// HTTP over a plain socket, so that paths reach the server exactly as written (URLSession
/// would normalise `..` away) and blocking reads stay off Swift's cooperative threads.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func request(port: UInt16, method: String = "GET", path: String, headers: [String: String] = [:]) async throws -> Response {
        try await offPool { try requestBlocking(port: port, method: method, path: path, headers: headers) }
    }

    static func requestBlocking(port: UInt16, method: String, path: String, headers: [String: String]) throws -> Response {
        let socket = try Connection(port: port)
        defer { socket.close() }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (key, value) in headers { head += "\(key): \(value)\r\n" }
        try socket.send(head + "\r\n")
        let data = try socket.readToEnd()
        return try parse(data, method: method)
    }

    static func parse(_ data: Data, method: String) throws -> Response {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no header end in \(data.count) bytes") }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let line = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self), radix: 16) ?? 0
            guard size > 0, rest.distance(from: line.upperBound, to: rest.endIndex) >= size else { break }
            let start = line.upperBound
            let end = rest.index(start, offsetBy: size)
            result.append(rest[start..<end])
            rest = rest[rest.index(end, offsetBy: min(2, rest.distance(from: end, to: rest.endIndex)))...]
        }
        return result
    }

    /// A blocking client socket with a receive timeout, so no test waits forever. 30 s, not
    /// 10: on a machine busy with other work (a compiler beside the tests), the first page of
    /// a preview once took longer, and no test waits on the timeout to see that nothing comes.
    final class Connection: @unchecked Sendable {
        let descriptor: Int32

        init(port: UInt16, timeoutSeconds: Int = 30) throws {
            descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
            var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard result == 0 else { Glibc.close(descriptor); throw Failure(description: "connect: \(errno)") }
        }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard n > 0 else { throw Failure(description: "send: \(errno)") }
                sent += n
            }
        }

        /// Up to `limit` bytes, whatever has arrived; empty at the end of the stream.
        func read(limit: Int = 65536) throws -> Data {
            var buffer = [UInt8](repeating: 0, count: limit)
            let n = recv(descriptor, &buffer, limit, 0)
            guard n >= 0 else { throw Failure(description: "recv: errno \(errno) (timeout?)") }
            return Data(buffer[0..<n])
        }

        func readToEnd() throws -> Data {
            var data = Data()
            while true {
                let chunk = try read()
                if chunk.isEmpty { return data }
                data.append(chunk)
            }
        }

        /// Reads until `text` has arrived (or the deadline passes); returns all read so far.
        func read(until text: String, within seconds: Double, after start: Data = Data()) throws -> Data {
            var data = start
            let deadline = Date().addingTimeInterval(seconds)
            while !String(decoding: data, as: UTF8.self).contains(text) {
                guard Date() < deadline else { throw Failure(description: "no '\(text)' within \(seconds) s; got: \(String(decoding: data, as: UTF8.self))") }
                let chunk = try read()
                if chunk.isEmpty { throw Failure(description: "connection closed before '\(text)'") }
                data.append(chunk)
            }
            return data
        }

        /// Closes with a reset, as a browser tab that is closed mid-download.
        func abort() {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            Glibc.close(descriptor)
        }

        func close() { Glibc.close(descriptor) }
    }

    /// Runs blocking socket work on a thread of its own. Not on Dispatch: on Linux the
    /// server's tasks run on Dispatch's global threads, and blocked reads there starve it.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}
