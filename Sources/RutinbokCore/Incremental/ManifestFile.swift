import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A manifest as read from disk, for a build: the small sections (global fingerprint,
/// councils, word counts, warnings) decoded at once, the inputs compared where they lie,
/// and each folder's block (page fingerprints and output files) decoded only when a build
/// asks for it. A changed build of 20,000 outputs thus decodes the few folders it renders,
/// and a folder it keeps whole is checked, and copied into the next manifest, from the bytes.
///
/// Refused as a whole (nil) unless it is complete, of this format and its checksum matches:
/// a damaged manifest means a full build, never a wrong one.
final class ManifestFile: Sendable {
    let bytes: [UInt8]
    let global: UInt64
    let councils: [String: UInt64]
    let wordCounts: [UInt64: WordCounts]
    let warnings: [Diagnostic]
    let checks: [String: [Diagnostic]]
    /// The input lines, as written.
    private let inputLines: Range<Int>
    private let inputCount: Int
    /// Folder name → where its block lies.
    private let blockInfo: [String: BlockInfo]
    /// The number of output files recorded.
    let outputCount: Int
    private let decodedFolders = Mutex<[String: Folder]>([:])

    /// One folder's page fingerprints and outputs, by full path. A class: each lookup of a
    /// path passes it on without copying (retaining) its two dictionaries.
    final class Folder: Sendable {
        let pages: [String: UInt64]
        let outputs: [String: Manifest.Output]
        /// Bounds of the items of the files that list them (`Manifest.items`).
        let items: [String: [Int]]

        init(pages: [String: UInt64] = [:], outputs: [String: Manifest.Output] = [:], items: [String: [Int]] = [:]) {
            self.pages = pages
            self.outputs = outputs
            self.items = items
        }
    }

    private struct BlockInfo: Sendable {
        /// Header and body.
        let range: Range<Int>
        let body: Range<Int>
        let pageCount: Int
        let outputCount: Int
    }

    /// A folder's block: its bytes in the file.
    struct Block: Sendable {
        let file: ManifestFile
        let name: String
        /// Header and body.
        let range: Range<Int>
        /// The body alone.
        let body: Range<Int>
        let outputCount: Int

        func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try file.bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
        }

        /// The same bytes (a folder whose records did not change between two manifests).
        func sameBytes(as other: Block) -> Bool {
            guard range.count == other.range.count else { return false }
            return withBytes { mine in other.withBytes { theirs in memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0 } }
        }
    }

    /// The folders that have a block, sorted.
    var folderNames: [String] { blockInfo.keys.sorted() }

    /// The number of files a folder's block lists; 0 for a folder with no block.
    func outputCount(of folder: String) -> Int { blockInfo[folder]?.outputCount ?? 0 }

    func block(_ name: String) -> Block? {
        blockInfo[name].map { Block(file: self, name: name, range: $0.range, body: $0.body, outputCount: $0.outputCount) }
    }

    /// Output entries by path: `outputs[path]`, `outputs.count`.
    var outputs: Outputs { Outputs(file: self) }
    var pages: Pages { Pages(file: self) }

    struct Outputs {
        let file: ManifestFile
        var count: Int { file.outputCount }
        subscript(path: String) -> Manifest.Output? { file.folder(Manifest.split(path).folder)?.outputs[path] }
    }

    struct Pages {
        let file: ManifestFile
        subscript(path: String) -> UInt64? { file.folder(Manifest.split(path).folder)?.pages[path] }
    }

    /// Reads and checks the manifest at `path`; nil when it is missing, not a usable manifest,
    /// or not the manifest of `folder`: the marker in a folder rutinbok wrote holds its
    /// manifest's checksum (`Manifest.seal(of:)`), so a manifest left from another build (one
    /// killed between putting its output in place and its manifest beside it) is never trusted.
    ///
    /// The seal is compared before the manifest is read: a file of gigabytes in its place is
    /// refused after reading its last line, not all of it.
    static func read(_ path: String, describing folder: URL) -> ManifestFile? {
        guard let marker = try? Publisher.readFile(folder.appendingPathComponent(Publisher.marker).path, atMost: Publisher.markerLimit),
              let bytes = Publisher.readFile(path, whosePart: Manifest.endLineLength, fromEnd: true, is: { tail in
                  Manifest.seal(of: tail).map { marker.starts(with: $0) } ?? false
              }),
              let seal = Manifest.seal(of: bytes), marker.starts(with: seal) else { return nil }
        return ManifestFile(bytes: bytes)
    }

    init?(bytes: [UInt8]) {
        // The last line: "end <checksum of everything before it>".
        guard bytes.count > Manifest.endLineLength, bytes.last == 0x0A else { return nil }
        let endStart = bytes.count - Manifest.endLineLength
        guard endStart == 0 || bytes[endStart - 1] == 0x0A else { return nil }
        let valid: Bool = bytes.withUnsafeBufferPointer { buffer in
            var line = ManifestLine(UnsafeBufferPointer(rebasing: buffer[endStart..<(buffer.count - 1)]))
            guard line.starts(with: "end"), let checksum = line.hex(), line.isAtEnd else { return false }
            return LaneHash.of(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<endStart]))) == checksum
        }
        guard valid else { return nil }
        self.bytes = bytes

        var global: UInt64?
        var councils: [String: UInt64] = [:]
        var wordCounts: [UInt64: WordCounts] = [:]
        var warnings: [Diagnostic] = []
        var checks: [String: [Diagnostic]] = [:]
        var inputStart: Int?, inputEnd = 0, inputCount = 0
        var blocks: [String: BlockInfo] = [:]
        var outputCount = 0
        let ok: Bool = bytes.withUnsafeBufferPointer { buffer in
            let all = UnsafeBufferPointer(rebasing: buffer[..<endStart])
            var lines = ManifestLines(all)
            guard var header = lines.next(), header.rest(escaped: false) == "rutinbok-manifest \(Manifest.formatVersion)" else { return false }
            while true {
                let start = lines.position
                guard var line = lines.next() else { break }
                if line.starts(with: "input") {
                    // Checked where they lie (`inputsMatch`); here only their form.
                    guard blocks.isEmpty, line.integer() != nil, line.integer() != nil, !line.isAtEnd,
                          inputStart == nil || inputEnd == start else { return false }
                    if inputStart == nil { inputStart = start }
                    inputEnd = lines.position
                    inputCount += 1
                } else if line.starts(with: "folder") {
                    guard let length = line.integer(), let pageCount = line.integer(), let count = line.integer(),
                          pageCount >= 0, count >= 0, let name = line.rest(), blocks[name] == nil else { return false }
                    let body = lines.position
                    guard lines.skip(Int(length)) else { return false }
                    blocks[name] = BlockInfo(range: start..<lines.position, body: body..<lines.position,
                                             pageCount: Int(pageCount), outputCount: Int(count))
                    outputCount += Int(count)
                } else {
                    guard blocks.isEmpty else { return false }  // folders come last
                    switch line.word() {
                    case "global":
                        guard global == nil, let value = line.hex(), line.isAtEnd else { return false }
                        global = value
                    case "council":
                        guard let value = line.hex(), let slug = line.rest() else { return false }
                        councils[slug] = value
                    case "words":
                        guard let fingerprint = line.hex(), let inserted = line.integer(), let deleted = line.integer(),
                              line.isAtEnd, inserted >= 0, deleted >= 0, wordCounts[fingerprint] == nil else { return false }
                        wordCounts[fingerprint] = WordCounts(inserted: Int(inserted), deleted: Int(deleted))
                    case "diagnostic":
                        guard let rest = line.rest(escaped: false), let warning = Manifest.diagnostic(fields: rest) else { return false }
                        warnings.append(warning)
                    case "checked":
                        guard let rest = line.rest(escaped: false), let tab = rest.firstIndex(of: "\t"),
                              let found = Manifest.diagnostic(fields: rest[rest.index(after: tab)...]) else { return false }
                        checks[Manifest.unescape(rest[..<tab]), default: []].append(found)
                    default:
                        return false
                    }
                }
            }
            return true
        }
        guard ok, let global else { return nil }
        self.global = global
        self.councils = councils
        self.wordCounts = wordCounts
        self.warnings = warnings
        self.checks = checks
        inputLines = (inputStart ?? 0)..<(inputStart == nil ? 0 : inputEnd)
        self.inputCount = inputCount
        blockInfo = blocks
        self.outputCount = outputCount
    }
}

extension ManifestFile {
    /// A folder's entries, decoded on first use (thread-safe); nil when it has no block.
    func folder(_ name: String) -> Folder? {
        if let known = decodedFolders.withLock({ $0[name] }) { return known }
        guard let info = blockInfo[name] else { return nil }
        // Decoded outside the lock: two threads may both decode a folder, never wait long.
        let folder = decode(name, info) ?? Folder()
        decodedFolders.withLock { $0[name] = folder }
        return folder
    }

    private func decode(_ name: String, _ info: BlockInfo) -> Folder? {
        var pages: [String: UInt64] = [:], outputs: [String: Manifest.Output] = [:], items: [String: [Int]] = [:]
        pages.reserveCapacity(info.pageCount)
        outputs.reserveCapacity(info.outputCount)
        let prefix = name.isEmpty ? "" : name + "/"
        let ok: Bool = bytes.withUnsafeBufferPointer { buffer in
            var lines = ManifestLines(UnsafeBufferPointer(rebasing: buffer[info.body]))
            while var line = lines.next() {
                if line.starts(with: "output") {
                    guard let hash = line.hex(), let size = line.integer(), let path = line.rest() else { return false }
                    outputs[prefix + path] = Manifest.Output(hash: hash, size: size)
                } else if line.starts(with: "page") {
                    guard let value = line.hex(), let path = line.rest() else { return false }
                    pages[prefix + path] = value
                } else if line.starts(with: "items") {
                    guard let count = line.integer(), count >= 0, count < 1 << 20 else { return false }
                    var bounds: [Int] = []
                    bounds.reserveCapacity(Int(count))
                    for _ in 0..<count {
                        guard let bound = line.integer() else { return false }
                        bounds.append(Int(bound))
                    }
                    guard let path = line.rest() else { return false }
                    items[prefix + path] = bounds
                } else {
                    return false
                }
            }
            return pages.count == info.pageCount && outputs.count == info.outputCount
        }
        return ok ? Folder(pages: pages, outputs: outputs, items: items) : nil
    }

    /// Whether the recorded inputs are exactly `inputs` (paths and stamps), compared where
    /// they lie, without building a second dictionary.
    func inputsMatch(_ inputs: [String: Stamp]) -> Bool {
        guard inputCount == inputs.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var lines = ManifestLines(UnsafeBufferPointer(rebasing: buffer[inputLines]))
            while var line = lines.next() {
                guard line.starts(with: "input"), let size = line.integer(), let modified = line.integer(), let path = line.rest(),
                      inputs[path] == Stamp(size: size, modified: modified) else { return false }
            }
            return true
        }
    }

    /// Calls `body` with each output file of a folder: its path relative to the output folder
    /// as a C string, and its recorded size; stops (false) when `body` returns false or the
    /// block cannot be read.
    /// `relative`: paths relative to the folder itself instead.
    func forEachOutput(in name: String, relative: Bool = false, _ body: (UnsafePointer<CChar>, Int64) -> Bool) -> Bool {
        guard let info = blockInfo[name] else { return false }
        var path = [CChar](repeating: 0, count: 4096)
        let prefix = relative ? [] : Array(name.utf8)
        var start = 0
        if !prefix.isEmpty {
            guard prefix.count + 1 < path.count else { return false }
            for (index, byte) in prefix.enumerated() { path[index] = CChar(bitPattern: byte) }
            path[prefix.count] = CChar(bitPattern: UInt8(ascii: "/"))
            start = prefix.count + 1
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var lines = ManifestLines(UnsafeBufferPointer(rebasing: buffer[info.body]))
            while var line = lines.next() {
                guard !line.starts(with: "page"), !line.starts(with: "items") else { continue }
                guard line.starts(with: "output"), line.hex() != nil, let size = line.integer() else { return false }
                let relative = line.restBytes()
                var end = start
                var escaped = false
                for byte in relative {
                    var byte = byte
                    if escaped {
                        escaped = false
                        switch byte {
                        case UInt8(ascii: "n"): byte = 0x0A
                        case UInt8(ascii: "t"): byte = 0x09
                        case UInt8(ascii: "r"): byte = 0x0D
                        default: break
                        }
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                        continue
                    }
                    guard byte != 0, end + 1 < path.count else { return false }
                    path[end] = CChar(bitPattern: byte)
                    end += 1
                }
                path[end] = 0
                guard path.withUnsafeBufferPointer({ body($0.baseAddress!, size) }) else { return false }
            }
            return true
        }
    }

    /// Everything, decoded (tests, and a manifest edited and written again).
    func decoded() -> Manifest? {
        var manifest = Manifest()
        manifest.global = global
        manifest.councils = councils
        manifest.wordCounts = wordCounts
        manifest.warnings = warnings
        manifest.checks = checks
        let ok: Bool = bytes.withUnsafeBufferPointer { buffer in
            var lines = ManifestLines(UnsafeBufferPointer(rebasing: buffer[inputLines]))
            while var line = lines.next() {
                guard line.starts(with: "input"), let size = line.integer(), let modified = line.integer(),
                      let path = line.rest(), manifest.inputs[path] == nil else { return false }
                manifest.inputs[path] = Stamp(size: size, modified: modified)
            }
            return true
        }
        guard ok else { return nil }
        for name in blockInfo.keys {
            guard let info = blockInfo[name], let folder = decode(name, info) else { return nil }
            manifest.pages.merge(folder.pages) { _, new in new }
            manifest.outputs.merge(folder.outputs) { _, new in new }
            manifest.items.merge(folder.items) { _, new in new }
        }
        return manifest
    }
}
