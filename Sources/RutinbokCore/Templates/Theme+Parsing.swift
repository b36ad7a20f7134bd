import Foundation
import Mustache

/// Reading a theme's templates into swift-mustache, with a parse error said at its line and
/// column in the file it came from.
extension Theme {
    /// Every template of the theme registered with swift-mustache, by its name; its text by
    /// its path, and the paths that parsed. A template that does not parse is reported where
    /// it is (the theme's folder or the shipped one).
    static func parse(_ files: ThemeFiles) -> (MustacheLibrary, [String: String], Set<String>, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        var texts: [String: String] = [:]
        var parsed: Set<String> = []
        for path in files.templates {
            let name = String(path.dropLast(".mustache".count))
            let display = files.displayPath(path)
            switch files.read(path) {
            case .failure(let problem): diagnostics.append(problem)
            case .success(let text):
                texts[path] = text
                do {
                    library.register(try ByteEscapedHTML.template(text), named: name)
                    parsed.insert(path)
                } catch let error as MustacheTemplate.ParserError {
                    // A pragma swift-mustache does not know fails the parse; `template-pragma`
                    // says what to do about any pragma, in Swedish (`TemplateChecks`).
                    if TemplateTag.all(in: text).contains(where: { $0.sigil == "%" }) { continue }
                    // A section left open or closed with another name: said with its name, where it
                    // opens (the parser only knows where it noticed).
                    if let problem = TemplateChecks.sectionProblem(in: text, file: display) {
                        diagnostics.append(problem)
                        continue
                    }
                    // The parser reports a tag left open at the end as a position past the last
                    // line (its lines count the content type's line before the file's): that
                    // is said where the last tag opens.
                    let lastLine = max(1, text.split(separator: "\n", omittingEmptySubsequences: false).count - (text.hasSuffix("\n") ? 1 : 0))
                    let reported = error.context.lineNumber - 1
                    var location = SourceLocation(file: display, line: max(1, min(reported, lastLine)),
                                                  column: reported > lastLine ? 1 : error.context.columnNumber)
                    if reported > lastLine, let open = text.range(of: "{{", options: .backwards) {
                        location = LineIndex(text).location(of: open.lowerBound, in: display)
                    }
                    diagnostics.append(.error(location,
                                              "mallen går inte att tolka: \(describe(error.error))", code: "template-syntax",
                                              notes: [error.context.line.trimmingCharacters(in: .whitespaces)].filter { !$0.isEmpty }))
                } catch {
                    diagnostics.append(.error(SourceLocation(file: display), "mallen går inte att tolka: \(error)", code: "template-syntax"))
                }
            }
        }
        return (library, texts, parsed, diagnostics)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "ett avsnitt avslutas med ett annat namn än det öppnades med"
        case MustacheTemplate.Error.unfinishedName: "en tagg avslutas inte med '}}'"
        case MustacheTemplate.Error.expectedSectionEnd: "ett avsnitt avslutas aldrig"
        case MustacheTemplate.Error.invalidSetDelimiter: "en tagg som byter avgränsare ({{=…=}}) är felskriven"
        case MustacheTemplate.Error.transformAppliedToInheritanceSection: "en funktion används på ett ärvt avsnitt ({{<…}} eller {{$…}}), vilket inte går"
        case MustacheTemplate.Error.illegalTokenInsideInheritSection: "ett ärvt avsnitt ({{<…}}) innehåller något annat än avsnitt att ersätta ({{$…}})"
        case let other where "\(other)".contains("overflow"): "en tagg avslutas inte med '}}' före filens slut"
        default: "swift-mustache säger \"\(error)\""
        }
    }
}
