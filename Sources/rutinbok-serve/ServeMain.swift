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
struct ServeMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rutinbok serve",
        abstract: "Förhandsvisar handböckerna på den här datorn. Bygger om och laddar om sidan i webbläsaren varje gång du sparar.",
        discussion: """
            Öppna adressen som programmet skriver ut i en webbläsare. Medan programmet är igång bygger \
            det om handböckerna varje gång du sparar en fil i content/, i templates/ eller i temat du \
            anger med --templates, och öppna sidor laddas om av sig själva. Om bygget misslyckas visar sidan vad som är fel (fil, rad och \
            meddelande) tills du har rättat det. Stoppa programmet med Ctrl-C.
            """)

    @Option(help: OptionHelp.content)
    var content = "content"

    @Option(help: OptionHelp.templates)
    var templates: String?

    @Option(name: .customLong("output"), help: ArgumentHelp("Mappen som förhandsvisningen bygger till. Den är inte mappen som rutinbok build bygger till, så att en förhandsvisning aldrig publiceras. (förval: output-forhandsvisning, med --internal output-intranat-forhandsvisning)", valueName: "mapp"))
    var outputFolder: String?

    private var output: String { outputFolder ?? Build.Options.defaultPreviewOutput(forIntranet: `internal`) }

    /// Read unconditionally, so that `--port -1` is a wrong port, not a missing value (a word
    /// with a dash is otherwise taken for the next option).
    @Option(parsing: .unconditional, help: "Porten som förhandsvisningen använder. 0 väljer en ledig port.",
            transform: ServeMain.port)
    var port: UInt16 = 8080

    @Option(help: "Adressen som förhandsvisningen använder. Bara den här datorn når 127.0.0.1. Med en annan adress kan andra i nätverket se förhandsvisningen.")
    var host = "127.0.0.1"

    @Option(name: .customLong("council"), help: OptionHelp.councils)
    var councils: [String] = []

    @Option(name: .customLong("group"), help: OptionHelp.groups)
    var groups: [String] = []

    @Flag(help: OptionHelp.internal)
    var `internal` = false

    /// A port is a whole number from 0 to 65535; the message says so, whatever was wrong.
    static func port(_ text: String) throws -> UInt16 {
        guard let port = UInt16(text) else {
            throw ValidationError("en port är ett heltal från 0 till 65535")
        }
        return port
    }

    func run() async throws {
        var options = Build.Options()
        options.content = content
        let found = DefaultTemplates.lookup(given: templates)
        (options.templates, options.templatesLookedIn, options.shippedTemplates) = (found.folder, found.lookedIn, found.shipped)
        options.output = output
        options.includeInternal = `internal`
        options.councils = councils
        options.groups = groups
        options.waitingForOutput = Wording.waitingForOutput(output)
        var configuration = PreviewServer.Configuration(build: options)
        configuration.host = host
        configuration.port = port

        // Before the first build: a Ctrl-C or SIGTERM that comes while it runs, or just as its
        // report is printed, is not lost (a signal between ignoring it and watching for it was).
        let interrupt = Interrupt()
        let server = PreviewServer(configuration) { build in Self.report(build) }
        let listening: UInt16
        do {
            listening = try await server.start()
        } catch {
            Terminal.printError("fel: \(error)")
            throw ExitCode(1)
        }
        // Every address of this computer (0.0.0.0, ::) is opened through its name: that one is
        // an address others can type.
        let everywhere = host == "0.0.0.0" || host == "::"
        let name = everywhere ? ProcessInfo.processInfo.hostName : host
        let shown = name.contains(":") ? "[\(name)]" : name
        // One council: its handbook is what the editor wants to open.
        let page = councils.count == 1 ? "\(councils[0])/" : ""
        // A theme that overlays the shipped templates: a save in either folder rebuilds.
        let watched = ([content, options.templates] + [options.shippedTemplates].compactMap { $0 }).map { "\($0)/" }
        let folders = watched.dropLast().joined(separator: ", ") + " eller " + watched.last!
        Terminal.printError("Förhandsvisningen visar \(output)/ på http://\(shown):\(listening)/\(page) och bygger om när du sparar i \(folders). Stoppa med Ctrl-C.")
        if !PreviewServer.isLoopback(host) {
            Terminal.printError("obs: förhandsvisningen kan öppnas från andra datorer i nätverket"
                                + (`internal` ? ", och med --internal visar den de interna rutinerna" : ""))
        }
        await interrupt.wait()
        Terminal.printError("\nAvslutar …")
        await server.stop()
    }

    static func report(_ build: PreviewBuild) {
        let time = Wording.seconds(build.seconds)
        if !build.changed.isEmpty {
            let names = build.changed.prefix(3).joined(separator: ", ") + (build.changed.count > 3 ? " …" : "")
            Terminal.printError("Ändrade filer: \(names)")
        }
        // As `rutinbok build` reports them: sorted, then the count.
        Terminal.report(build.diagnostics, strict: false)
        Terminal.printError(build.ok ? "Byggde handböckerna på \(time). Öppna sidor laddas om." : "Bygget misslyckades (\(time)). Webbläsaren visar felen tills du har rättat dem.")
    }
}

extension ServeMain {
    static func main() async { await runExitingTwoOnWrongUsage() }
}

/// Ctrl-C or SIGTERM. Writes to a disconnected browser must not end the process either.
///
/// The server is stopped then, but the preview ends even if it does not stop: at the latest
/// two seconds after, or at once at a second Ctrl-C. Requests that keep every thread busy
/// (FlyingFox reads a request line in time that grows with the square of its length, and
/// any web page can send one to the preview) kept it running, deaf to Ctrl-C. The signals
/// are handled on a queue of their own, which no request can hold up, from the moment the
/// preview starts: a signal before `wait()` is kept for it.
private final class Interrupt: @unchecked Sendable {
    private let lock = NSLock()
    private var signalled = false
    private var waiting: CheckedContinuation<Void, Never>?
    private var sources: [DispatchSourceSignal] = []

    init() {
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "rutinbok-serve.signals")
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                let (first, continuation) = lock.withLock { () -> (Bool, CheckedContinuation<Void, Never>?) in
                    defer { signalled = true; waiting = nil }
                    return (!signalled, waiting)
                }
                guard first else { _exit(0) }
                continuation?.resume()
                queue.asyncAfter(deadline: .now() + 2) { _exit(0) }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Returns at the first signal, at once if it came already.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let already = lock.withLock { () -> Bool in
                if !signalled { waiting = continuation }
                return signalled
            }
            if already { continuation.resume() }
        }
    }
}
