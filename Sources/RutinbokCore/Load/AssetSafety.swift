import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A council's `assets/` are published as they are, on the web address every council's
/// handbook and the portal share. A file a browser runs (a web page, a script, an SVG with a
/// script in it) would run there with the rights of every page: it would get past the safe
/// mode that keeps script out of routines. Only known kinds of document, image, sound, film
/// and font are published, and an SVG only when nothing in it runs; anything else stops the
/// build, unless the council is trusted with raw HTML anyway (`allow_raw_html`).
enum AssetSafety {
    /// The kinds of file a council may publish: documents, images, sound and film, fonts.
    /// Anything else (a web page, a script, XML, a file without an ending that a server may
    /// send as a page) could run in the reader's browser.
    static let allowedExtensions: Set<String> = [
        "pdf", "txt", "csv", "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "vcf", "ics", "zip",
        "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "tif", "tiff",
        "mp3", "m4a", "ogg", "oga", "wav", "mp4", "ogv", "webm",
        "css", "woff", "woff2", "ttf", "otf",
    ]

    /// What in an SVG runs, looked for in its text after character references are decoded:
    /// script-like elements and event attributes whatever their namespace prefix (any name
    /// XML allows, `ä:` too), and processing instructions other than the XML declaration
    /// (`<?xml-stylesheet?>` applies an XSLT that can make any element or attribute).
    private static let activeSVG = try! NSRegularExpression(
        pattern: #"<\s*([^\s<>/:"'=]+:)?(script|foreignobject|iframe|embed|object|handler|listener)\b|[\s"'/]([^\s<>/:"'=]+:)?on[a-z]+\s*=|<\?(?!xml\s)[^\s?>]*"#,
        options: [.caseInsensitive])
    /// Addresses that run or hold a page, looked for with white space and control characters
    /// taken out (`java script:` runs in some browsers).
    private static let activeURLs = ["javascript:", "vbscript:", "data:text/html", "data:application/xhtml", "data:image/svg"]

    /// A link among the files of an `assets/` folder (`folder`, relative to `files`' root, and
    /// `named` for the editor): one that leads out of it would publish what it leads to, and a
    /// linked folder, which stays inside, is not followed (one that led round in a circle would
    /// never end). Nil for a file that is no link, or a link to a file inside the folder.
    static func linkProblem(_ relative: String, in files: SourceFiles, folder: String, named: String) -> Diagnostic? {
        let location = SourceLocation(file: files.displayPath(relative))
        let isFolder = files.isDirectory(relative)
        guard files.staysInside(relative, folder: folder) else {
            return .error(location, isFolder ? "mappen är en länk som leder utanför \(named); kopiera in filerna i stället"
                                             : "filen är en länk som leder utanför \(named); kopiera in filen i stället", code: "symlink-outside")
        }
        guard !(isFolder && files.isSymlink(relative)) else {
            return .error(location, "mappen är en länk till en annan mapp, och rutinbok följer inte länkade mappar; kopiera in filerna i stället", code: "asset-not-file")
        }
        return nil
    }

    static func problem(with asset: String, at path: String, location: SourceLocation, allowActive: Bool) -> Diagnostic? {
        var info = stat()
        // A pipe or a device would hang the copy, a folder is listed file by file.
        guard stat(path, &info) == 0 else {
            let reason = errno == ELOOP ? "en länk som leder runt i en cirkel av länkar" : "en länk till en fil som inte finns"
            return .error(location, "'\(asset)' är \(reason) och kan inte publiceras", code: "asset-not-file",
                          notes: ["ta bort länken, eller kopiera in filen i stället"])
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .error(location, "'\(asset)' är ingen vanlig fil och kan inte publiceras", code: "asset-not-file")
        }
        // A file this user may not read would fail the copy into the output, blamed there,
        // after the pages were written (and an SVG would be said to be no UTF-8).
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .error(location, "filen gick inte att läsa: \(SystemError.text(errno))", code: "unreadable")
        }
        close(descriptor)
        // Its bytes differ from the same name typed on a keyboard: a link typed to it finds no
        // file, and a build could not tell it from that name (`FileName`).
        guard FileName.isComposed(asset) else {
            return .error(location, "namnet på filen, eller på en mapp den ligger i, har en bokstav som är sparad som två tecken (en bokstav och ett accenttecken), och en länk till filen hittar den inte",
                          code: "asset-name", notes: ["döp om filen och skriv namnet på nytt med tangentbordet, eller undvik å, ä och ö i filnamn"])
        }
        guard !allowActive else { return nil }
        let name = (asset as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        guard allowedExtensions.contains(ext) else {
            return .error(location, ext.isEmpty
                              ? "filen har ingen filändelse, och en webbserver kan skicka den som en webbsida; den publiceras inte"
                              : "filer som slutar på .\(ext) publiceras inte: i assets/ får bara vanliga dokument, bilder, ljud, film och typsnitt ligga, eftersom webbläsaren kan köra andra filer",
                          code: "asset-active", notes: ["lägg en blankett som PDF och en bild som PNG, JPG eller SVG"])
        }
        guard ext == "svg" else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
              !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            return .error(location, "SVG-bilden är inte sparad med teckenkodningen UTF-8, så den kan inte kontrolleras; den publiceras inte",
                          code: "asset-active", notes: ["spara bilden med UTF-8, eller som PNG"])
        }
        func refused(_ what: String, at index: String.Index) -> Diagnostic {
            // Line and column as every diagnostic counts them (`SourceLines`: columns in scalars).
            let before = text.utf8[..<index]
            let line = 1 + before.count { $0 == 0x0A }
            let lineStart = before.lastIndex(of: 0x0A).map { text.utf8.index(after: $0) } ?? text.utf8.startIndex
            let column = SourceLines(text).scalarColumn(line: line, byteColumn: text.utf8.distance(from: lineStart, to: index) + 1)
            return .error(location.at(line: line, column: column), "SVG-bilden innehåller något som webbläsaren kör ('\(what)'); den publiceras inte",
                          code: "asset-active", notes: ["spara bilden utan skript, eller som PNG"])
        }
        // Declarations can define entities that expand to script where no pattern sees them.
        if let range = text.range(of: "<!DOCTYPE", options: .caseInsensitive) ?? text.range(of: "<!ENTITY", options: .caseInsensitive) {
            return refused(String(text[range]), at: range.lowerBound)
        }
        let decoded = Self.decodingReferences(text)
        if let match = activeSVG.firstMatch(in: decoded, range: NSRange(decoded.startIndex..., in: decoded)),
           let range = Range(match.range, in: decoded) {
            let found = decoded[range].trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'/")))
            // Where it is in the file: the same text, looked for there (references decoded
            // may have moved it; then the file's start).
            let at = text.range(of: found, options: .caseInsensitive)?.lowerBound ?? text.startIndex
            return refused(found, at: at)
        }
        let squeezed = String(String.UnicodeScalarView(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        if let url = activeURLs.first(where: squeezed.contains) {
            // Where it is written: the longest end of it found as it stands (`&#106;avascript:`
            // has `avascript:`), or the file's start.
            let at = (0..<(url.count - 3)).lazy.compactMap { text.range(of: String(url.dropFirst($0)), options: .caseInsensitive)?.lowerBound }.first
            return refused(url, at: at ?? text.startIndex)
        }
        return nil
    }

    /// The text with XML's character references (`&#106;`, `&#x6A;`, however many zeros they
    /// start with) and predefined entities replaced by what they stand for.
    static func decodingReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        let named: [String: Unicode.Scalar] = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'"]
        while index < scalars.count {
            // A reference is a name or a number up to its `;`, of any length (`&#x000000006A;`).
            if scalars[index] == "&",
               let semicolon = scalars[(index + 1)...].firstIndex(where: { !(Self.isReferenceCharacter($0)) }), scalars[semicolon] == ";" {
                let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
                var value: Unicode.Scalar?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    value = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if body.hasPrefix("#") {
                    value = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    value = named[body]
                }
                if let value {
                    result.append(value)
                    index = semicolon + 1
                    continue
                }
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    private static func isReferenceCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "#" || scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }
}
