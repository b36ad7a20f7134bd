/// An e-mail address as HTML that a narrow screen may wrap only where a reader expects it:
/// before the `@` and before each dot of the domain (`<wbr>`), never inside a word. A phone
/// 390 px wide used to show "kommunikation@exempelstad.examp" and "le" on the next line.
enum EmailBreaks {
    static func html(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return HTML.escape(address) }
        let local = HTML.escape(String(address[..<at]))
        let domain = address[address.index(after: at)...]
            .split(separator: ".", omittingEmptySubsequences: false)
            .map { HTML.escape(String($0)) }
            .joined(separator: "<wbr>.")
        return local + "<wbr>@" + domain
    }
}
