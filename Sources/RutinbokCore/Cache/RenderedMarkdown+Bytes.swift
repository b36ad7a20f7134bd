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
        writer.write(assets) { writer, asset in
            writer.write(asset.path)
            writer.write(asset.written)
            writer.write(asset.image)
            asset.location.write(to: &writer)
        }
        writer.write(storedText)
        // One word per line (a body has dozens, the cache thousands of bodies): kind, box,
        // level and the item a line starts (0 for none) in the low bytes, the number above
        // them, the top bit when a contact follows.
        writer.write(outline) { writer, line in
            let starts = line.startsItem.map { UInt64($0.rawValue) + 1 } ?? 0
            let packed = UInt64(line.kind.rawValue) | UInt64(line.box.rawValue) << 8 | UInt64(UInt8(clamping: line.level)) << 16 | starts << 24
                | UInt64(UInt32(clamping: line.number)) << 32 & 0x7FFF_FFFF_0000_0000 | (line.contact == nil ? 0 : 1 << 63)
            writer.write(packed)
            if let contact = line.contact { writer.write(contact) }
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
              let assets = reader.list({ reader -> AssetReference? in
                  guard let path = reader.string(), let written = reader.string(), let image = reader.bool(),
                        let location = SourceLocation(from: &reader) else { return nil }
                  return AssetReference(path: path, written: written, image: image, location: location)
              }),
              let text = reader.storedText(),
              let outline = reader.list({ reader -> OutlineLine? in
                  guard let packed = reader.int().map({ UInt64(bitPattern: Int64($0)) }),
                        let kind = OutlineLine.Kind(rawValue: UInt8(truncatingIfNeeded: packed)),
                        let box = OutlineLine.Box(rawValue: UInt8(truncatingIfNeeded: packed >> 8)) else { return nil }
                  var contact: String?
                  if packed >> 63 == 1 {
                      guard let id = reader.string() else { return nil }
                      contact = id
                  }
                  let starts = UInt8(truncatingIfNeeded: packed >> 24)
                  return OutlineLine(kind, level: Int(UInt8(truncatingIfNeeded: packed >> 16)), box: box,
                                     number: Int(UInt32(truncatingIfNeeded: packed >> 32) & 0x7FFF_FFFF), contact: contact,
                                     startsItem: starts == 0 ? nil : OutlineLine.Kind(rawValue: starts - 1))
              }),
              let words = reader.int(), let sentences = reader.int(), let longWords = reader.int(),
              let diagnostics = reader.list({ Diagnostic(from: &$0) })
        else { return nil }
        self.init(stored: template, printTemplate: printTemplate, headings: headings, links: links, contacts: contacts,
                  assets: assets, text: text, outline: outline, readability: Readability(words: words, sentences: sentences, longWords: longWords),
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
