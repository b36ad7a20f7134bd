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

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// The same file under a folder.
    func under(_ folder: String) -> OutputFile {
        OutputFile(path: "\(folder)/\(path)", contents: contents)
    }
}
