import FlyingFox
import Foundation
import Testing
import TestScratch
@testable import RutinbokCore
@testable import RutinbokServe

/// `rutinbok serve` end to end, over real HTTP on 127.0.0.1.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesWithTypesFoldersAndValidators() async throws {
        let preview = try await RunningPreview.start()
        defer { Task { await preview.stop() } }

        let portal = try await preview.get("/")
        #expect(portal.status == 200)
        #expect(portal.header("Content-Type") == "text/html; charset=utf-8")
        #expect(portal.text.contains("<script src=\"/_rutinbok/reload.js\""))

        let redirect = try await preview.get("/exempelby")
        #expect(redirect.status == 301)
        #expect(redirect.header("Location") == "/exempelby/")

        let start = try await preview.get("/exempelby/")
        #expect(start.status == 200)
        #expect(start.text.contains("Exempelby"))
        #expect(start.text.contains("/_rutinbok/reload.js"))
        // The script is added in the response only, never written into the output.
        let onDisk = try String(contentsOf: preview.output.appendingPathComponent("exempelby/index.html"), encoding: .utf8)
        #expect(!onDisk.contains("_rutinbok"))

        let types = ["/exempelby/kontakter.vcf": "text/vcard; charset=utf-8",
                     "/exempelby/assets/logo.svg": "image/svg+xml",
                     "/exempelby/sokindex.js": "text/javascript; charset=utf-8",
                     "/_rutinbok/reload.js": "text/javascript; charset=utf-8",
                     "/_rutinbok/status": "application/json"]
        for (path, type) in types {
            let response = try await preview.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == type, "\(path)")
        }
        let css = try FileManager.default.subpathsOfDirectory(atPath: preview.output.path).first { $0.hasSuffix(".css") }
        if let css {
            #expect(try await preview.get("/" + css).header("Content-Type") == "text/css; charset=utf-8")
        }

        let missing = try await preview.get("/exempelby/finns-inte.html")
        #expect(missing.status == 404)
        #expect(missing.text.contains("Sidan finns inte"))

        let head = try await preview.get("/exempelby/", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == String(start.body.count))
        #expect(head.header("ETag") == start.header("ETag"))

        let etag = try #require(start.header("ETag"))
        let cached = try await preview.get("/exempelby/", headers: ["If-None-Match": etag])
        #expect(cached.status == 304)
        #expect(cached.body.isEmpty)
        let changed = try await preview.get("/exempelby/", headers: ["If-None-Match": "\"other\""])
        #expect(changed.status == 200)

        let vcard = try await preview.get("/exempelby/kontakter.vcf")
        let modified = try #require(vcard.header("Last-Modified"))
        #expect(try await preview.get("/exempelby/kontakter.vcf", headers: ["If-Modified-Since": modified]).status == 304)
        #expect(try await preview.get("/exempelby/kontakter.vcf", headers: ["If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"]).status == 200)

        #expect(try await preview.get("/exempelby/", method: "POST").status == 405)
    }

    @Test func noRequestReadsAFileOutsideTheOutput() async throws {
        let preview = try await RunningPreview.start()
        defer { Task { await preview.stop() } }
        let marker = "HEMLIGT-\(UUID().uuidString)"
        try Data(marker.utf8).write(to: preview.root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: preview.output.appendingPathComponent("leak").path,
                                                   withDestinationPath: preview.root.path)
        try FileManager.default.createSymbolicLink(atPath: preview.output.appendingPathComponent("exempelby/leak.txt").path,
                                                   withDestinationPath: preview.root.appendingPathComponent("secret.txt").path)
        let attempts = [
            "/../secret.txt", "/../../secret.txt", "/exempelby/../../secret.txt",
            "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/secret.txt", "/exempelby/%2e%2e/%2e%2e/secret.txt",
            "/..%2fsecret.txt", "/exempelby/..%2F..%2Fsecret.txt", "/%2fsecret.txt",
            "/..%5csecret.txt", "/exempelby\\..\\..\\secret.txt", "/%00/secret.txt", "/exempelby/index.html%00.txt",
            "//secret.txt", "/leak/secret.txt", "/leak/", "/exempelby/leak.txt",
            preview.root.appendingPathComponent("secret.txt").path, "/" + preview.root.appendingPathComponent("secret.txt").path,
            "/%c0%ae%c0%ae/secret.txt", "/.rutinbok-output",
            "http://127.0.0.1/../secret.txt", "secret.txt", "../secret.txt",
        ]
        for path in attempts {
            let response = try await preview.get(path)
            #expect([400, 403, 404].contains(response.status), "\(path) → \(response.status)")
            #expect(!response.text.contains(marker), "\(path) leaked the file")
        }
    }

    @Test func rebuildsOnChangeReloadsAndShowsErrorsUntilFixed() async throws {
        let preview = try await RunningPreview.start()
        defer { Task { await preview.stop() } }
        let events = try await RawHTTP.offPool { try RawHTTP.Connection(port: preview.port) }
        defer { events.close() }
        try events.send("GET /_rutinbok/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        var stream = try await RawHTTP.offPool { try events.read(until: "event: hello", within: 5) }
        #expect(String(decoding: stream, as: UTF8.self).contains("text/event-stream"))

        // A saved change: the page is rebuilt and the open stream hears about it.
        let routine = preview.content.appendingPathComponent("routines/hotad-just-nu.md")
        let original = try String(contentsOf: routine, encoding: .utf8)
        let started = Date()
        try original.replacingOccurrences(of: "Lita på din känsla.", with: "Lita alltid på din känsla.").write(to: routine, atomically: true, encoding: .utf8)
        stream = try await RawHTTP.offPool { try events.read(until: "event: reload", within: 15) }
        let latency = Date().timeIntervalSince(started)
        print("reload event \(String(format: "%.3f", latency)) s after the save")
        let page = try await preview.get("/exempelby/hotad-just-nu.html")
        #expect(page.status == 200)
        #expect(page.text.contains("Lita alltid på din känsla."))

        // A broken file: every page explains what is wrong, with file and line, escaped.
        let broken = original.replacingOccurrences(of: "phase: hantera", with: "phase: <b>ingen</b>")
        try broken.write(to: routine, atomically: true, encoding: .utf8)
        stream = try await RawHTTP.offPool { try events.read(until: "\"ok\":false", within: 15) }
        let failure = try await preview.get("/exempelby/hotad-just-nu.html")
        #expect(failure.status == 500)
        #expect(failure.text.contains("Bygget misslyckades"))
        #expect(failure.text.contains("routines/hotad-just-nu.md:4:"))
        #expect(failure.text.contains("&lt;b&gt;ingen&lt;/b&gt;"))
        #expect(!failure.text.contains("<b>ingen</b>"))
        #expect(failure.text.contains("/_rutinbok/reload.js"))
        #expect(try await preview.get("/exempelby/").status == 500)

        // Fixed: the page is back.
        try original.write(to: routine, atomically: true, encoding: .utf8)
        _ = try await RawHTTP.offPool { try events.read(until: "\"ok\":true", within: 15) }
        let fixed = try await preview.get("/exempelby/hotad-just-nu.html")
        #expect(fixed.status == 200)
        #expect(fixed.text.contains("Lita på din känsla."))
        #expect(latency < 10)
    }

    /// A theme over the shipped templates: a save in either folder rebuilds, and deleting the
    /// theme's file brings the shipped one back.
    @Test func rebuildsWhenTheThemeOrTheShippedTemplatesChange() async throws {
        let shippedHeader = try String(contentsOf: ServePaths.packageRoot.appendingPathComponent("templates/header.mustache"), encoding: .utf8)
        let marked = shippedHeader.replacingOccurrences(of: "</header>", with: "<p>Temats sidhuvud</p></header>")
        let preview = try await RunningPreview.start(theme: ["header.mustache": marked])
        defer { Task { await preview.stop() } }
        #expect(try await preview.get("/exempelby/").text.contains("Temats sidhuvud"))
        let events = try await RawHTTP.offPool { try RawHTTP.Connection(port: preview.port) }
        defer { events.close() }
        try events.send("GET /_rutinbok/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        _ = try await RawHTTP.offPool { try events.read(until: "event: hello", within: 5) }

        let footer = preview.root.appendingPathComponent("templates/footer.mustache")
        try (try String(contentsOf: footer, encoding: .utf8)).replacingOccurrences(of: "</footer>", with: "<p>Ny sidfot</p></footer>")
            .write(to: footer, atomically: true, encoding: .utf8)
        _ = try await RawHTTP.offPool { try events.read(until: "event: reload", within: 15) }
        let shippedChanged = try await preview.get("/exempelby/")
        #expect(shippedChanged.text.contains("Ny sidfot") && shippedChanged.text.contains("Temats sidhuvud"))

        let header = preview.root.appendingPathComponent("tema/header.mustache")
        try marked.replacingOccurrences(of: "Temats sidhuvud", with: "Temats nya sidhuvud").write(to: header, atomically: true, encoding: .utf8)
        _ = try await RawHTTP.offPool { try events.read(until: "event: reload", within: 15) }
        #expect(try await preview.get("/exempelby/").text.contains("Temats nya sidhuvud"))

        try FileManager.default.removeItem(at: header)
        _ = try await RawHTTP.offPool { try events.read(until: "event: reload", within: 15) }
        let back = try await preview.get("/exempelby/")
        #expect(!back.text.contains("Temats nya sidhuvud") && back.text.contains("<header class=\"site-header\">"))
    }

    @Test func aBurstOfConcurrentRequestsAllSucceed() async throws {
        let preview = try await RunningPreview.start()
        defer { Task { await preview.stop() } }
        let paths = ["/", "/exempelby/", "/exempelby/kontakter.vcf", "/exempelby/skriv-ut.html",
                     "/exempelstad/sociala-medier.html", "/exempelby/assets/logo.svg", "/_rutinbok/status", "/fiktiva/"]
        let port = preview.port
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            var results: [Int] = []
            var next = 0
            func add() {
                let path = paths[next % paths.count]
                next += 1
                group.addTask { try await RawHTTP.request(port: port, path: path).status }
            }
            for _ in 0..<16 { add() }
            while let status = try await group.next() {
                results.append(status)
                if next < 200 { add() }
            }
            return results
        }
        #expect(statuses.count == 200)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
    }

    @Test func clientsThatLeaveMidResponseDoNotHurtTheServer() async throws {
        let preview = try await RunningPreview.start(heartbeat: .milliseconds(200))
        defer { Task { await preview.stop() } }
        let port = preview.port
        try await RawHTTP.offPool {
            for _ in 0..<20 {
                let connection = try RawHTTP.Connection(port: port)
                try connection.send("GET /exempelby/skriv-ut.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                _ = try connection.read(limit: 512)
                connection.abort()
            }
            // Reload streams closed by the browser, too.
            for _ in 0..<5 {
                let connection = try RawHTTP.Connection(port: port)
                try connection.send("GET /_rutinbok/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                _ = try connection.read(until: "hello", within: 5)
                connection.abort()
            }
        }
        for path in ["/exempelby/skriv-ut.html", "/", "/exempelby/kontakter.vcf"] {
            #expect(try await preview.get(path).status == 200)
        }
        // The heartbeat finds the streams whose clients left, and they are let go.
        let deadline = Date().addingTimeInterval(5)
        while await preview.server.openEventStreams > 0, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(await preview.server.openEventStreams == 0)
    }

    @Test func stopsPromptlyWithAnOpenReloadStream() async throws {
        let preview = try await RunningPreview.start()
        let events = try await RawHTTP.offPool { try RawHTTP.Connection(port: preview.port) }
        defer { events.close() }
        try events.send("GET /_rutinbok/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        _ = try await RawHTTP.offPool { try events.read(until: "hello", within: 5) }
        let started = Date()
        await preview.stop()
        #expect(Date().timeIntervalSince(started) < 5)
        // The stream was ended properly: the last chunk arrives, then the connection closes.
        let rest = try await RawHTTP.offPool { try events.readToEnd() }
        #expect(String(decoding: rest, as: UTF8.self).contains("0\r\n\r\n"))
    }

    @Test func aSecondServerOnTheSamePortFailsWithAClearMessage() async throws {
        let preview = try await RunningPreview.start()
        defer { Task { await preview.stop() } }
        var options = Build.Options()
        options.content = preview.content.path
        options.templates = preview.root.appendingPathComponent("templates").path
        options.output = preview.root.appendingPathComponent("output2").path
        var configuration = PreviewServer.Configuration(build: options)
        configuration.port = preview.port
        configuration.listenTimeout = .seconds(60)
        let second = PreviewServer(configuration)
        let failure = await #expect(throws: PreviewServer.Failure.self) { _ = try await second.start() }
        // The system's reason is put in Swedish, with what to do.
        #expect(failure?.description.hasPrefix("port \(preview.port) på 127.0.0.1 går inte att använda: ett annat program använder den redan\n") == true, "\(failure?.description ?? "")")
        #expect(failure?.description.contains("välj en annan port med --port") == true)
        await second.stop()
        // It stopped before building: nothing was written.
        #expect(!FileManager.default.fileExists(atPath: options.output))
    }

    /// A preview on 127.0.0.1 answers only to this computer's names: a page on another site
    /// whose name is made to point here (DNS rebinding) gets nothing.
    @Test func onlyThisComputersNamesAreAnswered() async throws {
        let folder = TestScratch.folder("rutinbok-hosts")
        var options = Build.Options()
        options.output = folder.appendingPathComponent("output").path
        let handler = PreviewHandler(output: OutputFolder(path: options.output), state: BuildState(options: options), hub: EventHub(),
                                     allowedHosts: PreviewHandler.loopbackNames)
        func status(_ host: String?) async throws -> HTTPStatusCode {
            let headers: [HTTPHeader: String] = host.map { [.host: $0] } ?? [:]
            return try await handler.handleRequest(HTTPRequest(method: .GET, version: .http11, path: "/exempelby/", query: [], headers: headers, body: Data())).statusCode
        }
        for host in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "127.0.0.1"] {
            #expect(try await status(host) == .serviceUnavailable, "\(host): answered (the first build is on its way)")
        }
        for host in ["evil.example", "evil.example:8080", "127.0.0.1.evil.example", "[::2]:8080"] {
            #expect(try await status(host) == .forbidden, "\(host)")
        }
        #expect(PreviewHandler.name(ofHost: "[::1]:8080") == "[::1]")
        // This computer however it is written; the network's addresses are not.
        for host in ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]", "0:0:0:0:0:0:0:1"] {
            #expect(PreviewServer.isLoopback(host), "\(host)")
        }
        for host in ["0.0.0.0", "192.168.1.10", "::", "::2", "example.org"] {
            #expect(!PreviewServer.isLoopback(host), "\(host)")
        }
        #expect(PreviewHandler.hostNames(of: "0:0:0:0:0:0:0:1") == ["[0:0:0:0:0:0:0:1]"])
    }

    /// The server listens before its first build; a page asked for meanwhile says the build is
    /// on its way and reloads when it is done, rather than an error or an old page.
    @Test func aPageBeforeTheFirstBuildSaysItIsComing() async throws {
        let folder = TestScratch.folder("rutinbok-first-build")
        var options = Build.Options()
        options.output = folder.appendingPathComponent("output").path
        let handler = PreviewHandler(output: OutputFolder(path: options.output), state: BuildState(options: options), hub: EventHub())
        let response = try await handler.handleRequest(HTTPRequest(method: .GET, version: .http11, path: "/exempelby/", query: [], headers: [:], body: Data()))
        #expect(response.statusCode == .serviceUnavailable)
        let body = String(decoding: try await response.bodyData, as: UTF8.self)
        #expect(body.contains("<h1>Bygger handböckerna</h1>"))
        #expect(body.contains("<script src=\"/_rutinbok/reload.js\""))
    }
}
