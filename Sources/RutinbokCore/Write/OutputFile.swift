/// One file of the output, relative to the output folder (or to a council's folder).
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// UTF-8 text made as bytes (the search index).
        case bytes([UInt8])
        /// A file copied as it is (assets).
        case copy(String)
    }

    public var path: String
    public var contents: Contents
    /// The bounds of the items the file lists, for a file made as a `SegmentedFile`.
    var items: [Int]?
    /// Made from the previous build's file, some of its items replaced.
    var patched = false

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    init(_ path: String, segmented file: SegmentedFile, patched: Bool = false) {
        self.path = path
        contents = .bytes(file.bytes)
        items = file.bounds
        self.patched = patched
    }

    /// The same file under a folder.
    func under(_ folder: String) -> OutputFile {
        var file = self
        file.path = "\(folder)/\(path)"
        return file
    }
}
