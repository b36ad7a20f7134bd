import ArgumentParser
import CommandLineSupport
import Dispatch
import Foundation
import RutinbokCore
import RutinbokServe

/// `rutinbok serve`: the live preview for editors. A program of its own, which `rutinbok serve`
/// runs in its place: the HTTP server brings in Foundation's networking (libcurl and some
/// thirty libraries it links), which every other command would otherwise load at each start.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rutinbok serve",
        abstract: "Build, serve the handbooks on this computer, and rebuild and reload the browser on every saved change.",
        discussion: """
            Open the address it prints in a browser. While it runs, each change to content/ or templates/ \
            is built and open pages reload by themselves; when a change breaks the build, the page shows \
            what is wrong (file, line and message) until it is fixed. Stop it with Ctrl-C.
            """)

    @Option(help: "The content folder: site.yml, routines/, groups/, councils/.")
    var content = "content"

    @Option(help: "The theme: Mustache templates and assets/.")
    var templates = "templates"

    @Option(help: "Where the handbooks are written, as `rutinbok build` writes them.")
    var output = "output"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8080

    @Option(help: "The address to listen on. Only this computer can reach 127.0.0.1; choose another address deliberately.")
    var host = "127.0.0.1"

    @Flag(help: "Include routines marked 'access: internal'.")
    var `internal` = false

    func run() async throws {
        var options = Build.Options()
        options.content = content
        options.templates = templates
        options.output = output
        options.includeInternal = `internal`
        var configuration = PreviewServer.Configuration(build: options)
        configuration.host = host
        configuration.port = port

        let server = PreviewServer(configuration) { build in Self.report(build) }
        let listening: UInt16
        do {
            listening = try await server.start()
        } catch {
            Terminal.printError("error: \(error)")
            throw ExitCode(1)
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        Terminal.printError("Serving \(output)/ on http://\(shown):\(listening)/ — watching \(content)/ and \(templates)/. Stop with Ctrl-C.")
        await Self.waitForInterrupt()
        Terminal.printError("\nStopping…")
        await server.stop()
    }

    static func report(_ build: PreviewBuild) {
        let time = String(format: "%.2f s", build.seconds)
        if !build.changed.isEmpty {
            let names = build.changed.prefix(3).joined(separator: ", ") + (build.changed.count > 3 ? " …" : "")
            Terminal.printError("Changed: \(names)")
        }
        // As `rutinbok build` reports them: sorted, then the count.
        Terminal.report(build.diagnostics, strict: false)
        Terminal.printError(build.ok ? "Built in \(time); pages reload." : "Build failed in \(time); the browser shows the problems until they are fixed.")
    }

    /// Ctrl-C or SIGTERM. Writes to a disconnected browser must not end the process either.
    static func waitForInterrupt() async {
        signal(SIGPIPE, SIG_IGN)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = Once()
            var sources: [DispatchSourceSignal] = []
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
                source.setEventHandler {
                    if once.first() {
                        for source in sources { source.cancel() }
                        continuation.resume()
                    }
                }
                source.resume()
                sources.append(source)
            }
            Signals.keep(sources)
        }
    }
}

extension ServeCommand {
    static func main() async { await runExitingTwoOnWrongUsage() }
}

private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    func first() -> Bool { lock.withLock { defer { done = true }; return !done } }
}

/// Signal sources must outlive the closure that made them.
private enum Signals {
    nonisolated(unsafe) static var kept: [DispatchSourceSignal] = []
    static func keep(_ sources: [DispatchSourceSignal]) { kept += sources }
}
