import Foundation

/// The frames a build used (see `TemplateFrames`), kept beside its output so that the next
/// build fills pages from them instead of rendering each shape again: a changed build then
/// renders no template at all for shapes it has seen. A frame is what swift-mustache made
/// of one template for one shape, so the file holds the identity of the templates (a hash of
/// their texts) and of the rutinbok binary; with other templates or another binary it is
/// not used.
enum FrameStore {
    static let magic = "rutinbok-frames 2\n"

    static func path(beside output: URL) -> String {
        Publisher.beside(output, "frames").path
    }

    static func header(templates: UInt64) -> [UInt8] {
        var writer = ByteWriter()
        writer.writeCacheHeader(magic: magic)
        writer.write(templates)
        return writer.bytes
    }

    /// The frames in the file, or none when it is missing, damaged or of other templates.
    static func load(beside output: URL, templates: UInt64) -> [String: Frame?] {
        let header = header(templates: templates), path = path(beside: output)
        // The header first: a file of other templates, or of gigabytes, is not read whole.
        guard let bytes = Publisher.readFile(path, whosePart: header.count, is: { $0 == header }) else { return [:] }
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
                    switch reader.int() {
                    case 0: return reader.string().map { .text($0) }
                    case 1:
                        guard let number = reader.int(), let escaped = reader.bool() else { return nil }
                        return .slot(number, escaped: escaped)
                    case 2: return reader.int().map { .list($0) }
                    default: return nil
                    }
                }), let calls = reader.list({ reader -> Frame.ListCall? in
                    guard let level = reader.int(), let key = reader.string(), let section = reader.string() else { return nil }
                    return Frame.ListCall(level: level, key: key, section: section)
                }) else { return nil }
                for case .list(let call) in pieces where call >= calls.count { return nil }
                return (key, Frame(pieces: pieces, calls: calls))
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
                    writer.write(0)
                    writer.write(text)
                case .slot(let number, let escaped):
                    writer.write(1)
                    writer.write(number)
                    writer.write(escaped)
                case .list(let call):
                    writer.write(2)
                    writer.write(call)
                }
            }
            writer.write(frame.calls) { writer, call in
                writer.write(call.level)
                writer.write(call.key)
                writer.write(call.section)
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
