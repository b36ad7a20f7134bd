import Foundation
#if canImport(Glibc)
import Glibc
#endif
import FlyingFox
import FlyingSocks
import RutinbokCore

/// `rutinbok serve`: builds, serves the output folder, rebuilds when content or templates
/// change, and tells open pages to reload through server-sent events.
public actor PreviewServer {
    public struct Configuration: Sendable {
        public var build: Build.Options
        public var host = "127.0.0.1"
        /// 0 picks a free port; `start()` returns the one chosen.
        public var port: UInt16 = 8080
        public var pollInterval: Duration = .milliseconds(300)
        public var heartbeat: Duration = .seconds(15)
        /// How long `start()` waits for the server to listen. The tests, which run beside
        /// builds that keep both cores busy, wait longer.
        public var listenTimeout: Duration = .seconds(5)
        public init(build: Build.Options) { self.build = build }
    }

    public enum Failure: Error, CustomStringConvertible {
        case address(String)
        case listen(String)
        public var description: String {
            switch self {
            case .address(let message), .listen(let message): message
            }
        }
    }

    private let configuration: Configuration
    private let report: @Sendable (PreviewBuild) -> Void
    private let state: BuildState
    private let hub = EventHub()
    private var server: HTTPServer?
    private var tasks: [Task<Void, Never>] = []

    /// `report` hears about every build, for the terminal.
    public init(_ configuration: Configuration, report: @escaping @Sendable (PreviewBuild) -> Void = { _ in }) {
        self.configuration = configuration
        self.report = report
        self.state = BuildState(options: configuration.build)
    }

    /// Builds once, starts listening and watching; returns the port it listens on.
    public func start() async throws -> UInt16 {
        // A theme that overlays the shipped templates is built from both folders: a save in
        // either rebuilds.
        let options = configuration.build
        let watcher = FileWatcher(folders: [options.content, options.templates] + [options.shippedTemplates].compactMap { $0 })
        var seen = watcher.scan()

        // The address and port first: a server that cannot listen (the port is taken by
        // another preview, say) stops before its build has replaced anything.
        let address = try Self.address(configuration.host, configuration.port)
        // On this computer only, the preview answers only to this computer's names.
        let handler = PreviewHandler(output: OutputFolder(path: configuration.build.output), state: state, hub: hub,
                                     allowedHosts: Self.isLoopback(configuration.host)
                                        ? PreviewHandler.loopbackNames.union(PreviewHandler.hostNames(of: configuration.host)) : nil)
        let server = HTTPServer(config: .init(address: address, timeout: 30, logger: .disabled), handler: handler)
        self.server = server
        let failure = FailureBox()
        tasks.append(Task {
            do { try await server.run() } catch { failure.set(error) }
        })
        let deadline = ContinuousClock.now + configuration.listenTimeout
        while await !server.isListening {
            if let error = failure.get() { throw Failure.listen(Self.busy(configuration.host, configuration.port, error)) }
            guard ContinuousClock.now < deadline else {
                throw Failure.listen("förhandsvisningen startade inte inom \(configuration.listenTimeout.components.seconds) sekunder")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        let port: UInt16
        switch await server.listeningAddress {
        case .ip4(_, let bound), .ip6(_, let bound): port = bound
        default: port = configuration.port
        }

        // Until the first build is done, pages say it is on its way and reload when it is.
        let first = await state.rebuild(changed: [])
        report(first)
        await hub.broadcast(EventHub.message("reload", first.json))

        let (state, hub, report, interval, heartbeat) = (self.state, self.hub, self.report, configuration.pollInterval, configuration.heartbeat)
        tasks.append(Task.detached(priority: .userInitiated) {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                var now = watcher.scan()
                guard now != seen else { continue }
                // Let a save that writes in several steps finish before building.
                try? await Task.sleep(for: .milliseconds(40))
                let settled = watcher.scan()
                if settled != now { now = settled; continue }
                let changed = FileWatcher.changes(from: seen, to: now)
                seen = now
                let build = await state.rebuild(changed: changed)
                report(build)
                await hub.broadcast(EventHub.message("reload", build.json))
            }
        })
        tasks.append(Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                await hub.broadcast(EventHub.heartbeat)
            }
        })
        return port
    }

    /// Stops watching, ends the event streams and closes the server; open requests get a moment to finish.
    public func stop() async {
        for task in tasks.dropFirst() { task.cancel() }
        await hub.close()
        // FlyingFox on Linux notices the closed listening socket only when its task is cancelled,
        // so the timeout is what stopping costs; the reload streams are already closed by now.
        await server?.stop(timeout: 0.5)
        tasks.first?.cancel()
        tasks = []
        server = nil
    }

    /// The number of open reload streams, for tests.
    public var openEventStreams: Int { get async { await hub.count } }

    /// Whether `host` is this computer only: `localhost`, any of 127.0.0.0/8, or `::1`
    /// however it is written. (Any other address, `0.0.0.0` among them, opens the preview to
    /// the network, where its names are not known.)
    public static func isLoopback(_ host: String) -> Bool {
        let name = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { bytes in bytes.dropLast().allSatisfy { $0 == 0 } && bytes.last == 1 }
        }
        return false
    }

    static func address(_ host: String, _ port: UInt16) throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        do {
            if name.contains(":") {
                return try sockaddr_in6.inet6(ip6: name.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
            }
            return try sockaddr_in.inet(ip4: name, port: port)
        } catch {
            throw Failure.address("--host ska vara en IP-adress, till exempel 127.0.0.1 eller ::1, men är '\(host)'")
        }
    }

    /// The message when the port cannot be used, usually because another program has it.
    static func busy(_ host: String, _ port: UInt16, _ error: any Error) -> String {
        let other = port == 0 || port == .max ? "0" : String(port + 1)
        return Diagnostic.text("port \(port) på \(host) går inte att använda: \(reason(error))",
                               notes: ["välj en annan port med --port, till exempel --port \(other)"])
    }

    /// Why the port cannot be used, in Swedish for the usual causes; the system's own words
    /// (English) otherwise.
    static func reason(_ error: any Error) -> String {
        guard case .failed(_, let number, _) = error as? SocketError else { return error.localizedDescription }
        switch number {
        case EADDRINUSE: return "ett annat program använder den redan"
        case EACCES: return "portar under 1024 kräver administratörsbehörighet"
        case EADDRNOTAVAIL: return "datorn har ingen sådan adress"
        default: return error.localizedDescription
        }
    }
}

/// The server task's error, read by the task that waits for it to listen.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ error: any Error) { lock.withLock { self.error = error } }
    func get() -> (any Error)? { lock.withLock { error } }
}
