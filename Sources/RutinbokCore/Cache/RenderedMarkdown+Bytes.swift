/// `RenderedMarkdown` and what it holds, in `ByteCoding`'s encoding, field by field.
extension RenderedMarkdown {
    func write(to writer: inout ByteWriter) {
        writer.write(storedTemplate)
        writer.write(storedPrintTemplate)
        writer.write(headings) { writer, heading in
            writer.write(heading.id)
            writer.write(heading.text)
            writer.write(heading.level)
            heading.location.write(to: &writer)
        }
        writer.write(links) { writer, link in
            writer.write(link.routine)
            writer.write(link.anchor)
            writer.write(link.written)
            link.location.write(to: &writer)
        }
        writer.write(contacts) { writer, contact in
            writer.write(contact.id)
            writer.write(contact.style == .card)
            contact.location.write(to: &writer)
        }
        writer.write(storedText)
        writer.write(outline) { writer, line in
            writer.write(Int(line.kind.rawValue))
            writer.write(line.level)
            writer.write(Int(line.box.rawValue))
            writer.write(line.number)
            writer.write(line.contact)
        }
        writer.write(readability.words)
        writer.write(readability.sentences)
        writer.write(readability.longWords)
        writer.write(diagnostics) { writer, diagnostic in diagnostic.write(to: &writer) }
    }

    init?(from reader: inout ByteReader) {
        guard let template = reader.storedText(), let printTemplate = reader.optionalStoredText(),
              let headings = reader.list({ reader -> Heading? in
                  guard let id = reader.string(), let text = reader.string(), let level = reader.int(),
                        let location = SourceLocation(from: &reader) else { return nil }
                  return Heading(id: id, text: text, level: level, location: location)
              }),
              let links = reader.list({ reader -> RoutineLink? in
                  guard let routine = reader.optionalString(), let anchor = reader.optionalString(), let written = reader.string(),
                        let location = SourceLocation(from: &reader) else { return nil }
                  return RoutineLink(routine: routine, anchor: anchor, written: written, location: location)
              }),
              let contacts = reader.list({ reader -> ContactReference? in
                  guard let id = reader.string(), let card = reader.bool(), let location = SourceLocation(from: &reader) else { return nil }
                  return ContactReference(id: id, style: card ? .card : .inline, location: location)
              }),
              let text = reader.storedText(),
              let outline = reader.list({ reader -> OutlineLine? in
                  guard let kind = reader.int().flatMap({ UInt8(exactly: $0) }).flatMap(OutlineLine.Kind.init(rawValue:)),
                        let level = reader.int(),
                        let box = reader.int().flatMap({ UInt8(exactly: $0) }).flatMap(OutlineLine.Box.init(rawValue:)),
                        let number = reader.int(), let contact = reader.optionalString() else { return nil }
                  return OutlineLine(kind, level: level, box: box, number: number, contact: contact)
              }),
              let words = reader.int(), let sentences = reader.int(), let longWords = reader.int(),
              let diagnostics = reader.list({ Diagnostic(from: &$0) })
        else { return nil }
        self.init(stored: template, printTemplate: printTemplate, headings: headings, links: links, contacts: contacts,
                  text: text, outline: outline, readability: Readability(words: words, sentences: sentences, longWords: longWords),
                  diagnostics: diagnostics)
    }
}

extension SourceLocation {
    func write(to writer: inout ByteWriter) {
        writer.write(file)
        writer.write(line)
        writer.write(column)
    }

    init?(from reader: inout ByteReader) {
        guard let file = reader.string(), let line = reader.int(), let column = reader.int() else { return nil }
        self.init(file: file, line: line, column: column)
    }
}

extension Diagnostic {
    func write(to writer: inout ByteWriter) {
        writer.write(severity.rawValue)
        location.write(to: &writer)
        writer.write(message)
        writer.write(code)
        writer.write(notes) { $0.write($1) }
    }

    init?(from reader: inout ByteReader) {
        guard let severity = reader.string().flatMap(Severity.init(rawValue:)), let location = SourceLocation(from: &reader),
              let message = reader.string(), let code = reader.string(), let notes = reader.list({ $0.string() })
        else { return nil }
        self.init(severity, location, message, code: code, notes: notes)
    }
}
