extension Array where Element == String {
    /// "a", "a och b", "a, b och c": the items as a Swedish sentence lists them.
    var listedInWords: String {
        guard count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " och " + self[count - 1]
    }
}
