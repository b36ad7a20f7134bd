import Foundation

/// The frames a build used (see `TemplateFrames`), kept beside its output so that the next
/// build fills pages from them instead of rendering each shape again: a changed build then
/// renders no template at all for shapes it has seen. A frame is what swift-mustache made
/// of one template for one shape, so the file holds the identity of the templates (a hash of
/// their texts) and of the rutinbok binary; with other templates or another binary it is
/// not used.
enum FrameStore {
    static let magic = "rutinbok-frames 1\n"

    static func path(beside output: URL) -> String {
        Publisher.beside(output, "frames").path
    }

    static func header(templates: UInt64) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(Array(magic.utf8))
        writer.write(UInt64(bitPattern: Stamp.ofRutinbok.size))
        writer.write(UInt64(bitPattern: Stamp.ofRutinbok.modified))
        writer.write(templates)
        return writer.bytes
    }

    /// The frames in the file, or none when it is missing, damaged or of other templates.
    static func load(beside output: URL, templates: UInt64) -> [String: Frame?] {
        guard let bytes = try? Publisher.readFile(path(beside: output)) else { return [:] }
        let header = header(templates: templates)
        return bytes.withUnsafeBytes { raw in
            guard raw.count >= header.count, header.elementsEqual(raw.prefix(header.count)) else { return [:] }
            var reader = ByteReader(raw, at: header.count)
            guard let checksum = reader.uint64(), let body = reader.raw(raw.count - header.count - 8),
                  ContentHash.of(body) == checksum else { return [:] }
            var entries = ByteReader(body)
            let frames = entries.list { reader -> (String, Frame?)? in
                guard let key = reader.string(), let present = reader.bool() else { return nil }
                guard present else { return (key, nil) }
                guard let pieces = reader.list({ reader -> Frame.Piece? in
                    guard let isText = reader.bool() else { return nil }
                    if isText { return reader.string().map { .text($0) } }
                    guard let number = reader.int(), let escaped = reader.bool() else { return nil }
                    return .slot(number, escaped: escaped)
                }) else { return nil }
                return (key, Frame(pieces: pieces))
            }
            guard let frames, entries.isAtEnd else { return [:] }
            return Dictionary(frames, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Replaces the file with `frames`, atomically.
    static func save(_ frames: [String: Frame?], beside output: URL, templates: UInt64) {
        var body = ByteWriter()
        body.write(frames.sorted { $0.key < $1.key }) { writer, entry in
            writer.write(entry.key)
            writer.write(entry.value != nil)
            guard let frame = entry.value else { return }
            writer.write(frame.pieces) { writer, piece in
                switch piece {
                case .text(let text):
                    writer.write(true)
                    writer.write(text)
                case .slot(let number, let escaped):
                    writer.write(false)
                    writer.write(number)
                    writer.write(escaped)
                }
            }
        }
        var file = ByteWriter()
        file.append(header(templates: templates))
        file.write(body.bytes.withUnsafeBytes { ContentHash.of($0) })
        file.append(body.bytes)
        if let replacement = Publisher.prepareReplacement(of: path(beside: output), with: file.bytes) {
            Publisher.commit(replacement)
        }
    }
}
