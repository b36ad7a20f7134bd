import Foundation
import FlyingFox

/// Answers every request of the preview: the preview's own endpoints, then files from the output.
struct PreviewHandler: HTTPHandler {
    let output: OutputFolder
    let state: BuildState
    let hub: EventHub
    /// The names the preview answers to (`Host`, without the port), or nil for any. A preview
    /// on this computer only answers to its own names: a web page elsewhere whose name is made
    /// to point here (DNS rebinding) could otherwise read it, the internal routines of
    /// `serve --internal` too.
    var allowedHosts: Set<String>? = nil

    static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    /// How a `Host` header names `host`: as it is, an IPv6 address in brackets.
    static func hostNames(of host: String) -> Set<String> {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return name.contains(":") ? ["[\(name)]"] : [name]
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "Förhandsvisningen svarar bara på GET och HEAD.\n", extra: [HTTPHeader("Allow"): "GET, HEAD"])
        }
        if let allowedHosts, let host = request.headers[.host], !allowedHosts.contains(Self.name(ofHost: host)) {
            return Self.text(.forbidden, "Förhandsvisningen svarar bara på adressen 127.0.0.1 eller localhost på den här datorn.\n")
        }
        let response = await respond(to: request)
        return request.method == .HEAD ? Self.withoutBody(response) : response
    }

    private func respond(to request: HTTPRequest) async -> HTTPResponse {
        let raw = request.target.path()
        let build = await state.latest
        switch raw {
        case PreviewPages.eventsPath: return await events(build)
        case PreviewPages.scriptPath:
            return HTTPResponse(statusCode: .ok, headers: Self.headers("text/javascript; charset=utf-8"), body: Data(PreviewPages.script.utf8))
        case PreviewPages.statusPath:
            return HTTPResponse(statusCode: .ok, headers: Self.headers("application/json"), body: Data(build.json.utf8))
        default: break
        }
        if build.number == 0 { return Self.html(.serviceUnavailable, PreviewPages.building(build: build.id)) }
        switch output.lookup(raw, query: request.target.query()) {
        case .forbidden:
            return Self.html(.forbidden, PreviewPages.forbidden(build: build.id))
        case .redirect(let location):
            var headers = Self.headers("text/plain; charset=utf-8")
            headers[.location] = location
            return HTTPResponse(statusCode: .movedPermanently, headers: headers, body: Data("Flyttad till \(location)\n".utf8))
        case .notFound:
            // A failed build explains itself wherever a page was expected.
            if !build.ok, MIMEType.fileExtension(raw).isEmpty || MIMEType.isHTML(raw) {
                return Self.html(.internalServerError, PreviewPages.failure(build))
            }
            return Self.html(.notFound, PreviewPages.notFound(path: request.path, build: build.id))
        case .file(let path):
            let isHTML = MIMEType.isHTML(path)
            if isHTML, !build.ok { return Self.html(.internalServerError, PreviewPages.failure(build)) }
            guard let file = FileSnapshot.read(path) else {
                return Self.html(.notFound, PreviewPages.notFound(path: request.path, build: build.id))
            }
            // The injected script names the build, so an HTML page's tag changes with it.
            let etag = isHTML ? String(file.etag.dropLast()) + "-\(build.id)\"" : file.etag
            var headers = Self.headers(MIMEType.forPath(path))
            headers[.eTag] = etag
            headers[.lastModified] = Conditional.format(file.modified)
            if Conditional.notModified(ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince],
                                       etag: etag, modified: file.modified) {
                return HTTPResponse(statusCode: .notModified, headers: headers, body: Data())
            }
            let body = isHTML ? PreviewPages.inject(file.data, build: build.id) : file.data
            return HTTPResponse(statusCode: .ok, headers: headers, body: body)
        }
    }

    private func events(_ build: PreviewBuild) async -> HTTPResponse {
        var headers = Self.headers("text/event-stream; charset=utf-8")
        headers[HTTPHeader("X-Accel-Buffering")] = "no"
        // `retry` makes a browser reconnect quickly after the server restarts.
        let first = Data("retry: 1000\n".utf8) + EventHub.message("hello", build.json)
        let stream = await hub.subscribe(first: first)
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStreamBody(stream: stream)))
    }

    // MARK: Responses

    /// A `Host` header's name: lower case, without the port (`[::1]:8080` → `[::1]`).
    static func name(ofHost host: String) -> String {
        let host = host.lowercased().trimmingCharacters(in: .whitespaces)
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") { return String(host[...end]) }
        return String(host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    static func headers(_ type: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        // Always revalidate: the preview changes under the browser's feet.
        headers[.cacheControl] = "no-cache"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        return headers
    }

    static func html(_ status: HTTPStatusCode, _ page: String) -> HTTPResponse {
        var headers = headers("text/html; charset=utf-8")
        headers[.cacheControl] = "no-store"
        return HTTPResponse(statusCode: status, headers: headers, body: Data(page.utf8))
    }

    static func text(_ status: HTTPStatusCode, _ text: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = headers("text/plain; charset=utf-8")
        for (key, value) in extra { headers[key] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
    }

    /// HEAD: the same headers, Content-Length included, and no body.
    static func withoutBody(_ response: HTTPResponse) -> HTTPResponse {
        var headers = response.headers
        if case .httpBody(let body) = response.payload, let count = body.count, response.statusCode != .notModified {
            headers[.contentLength] = String(count)
        }
        return HTTPResponse(version: response.version, statusCode: response.statusCode, headers: headers, body: Data())
    }
}
