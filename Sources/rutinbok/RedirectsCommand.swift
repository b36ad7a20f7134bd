import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// `rutinbok redirects`: a web server's redirects for renamed routines (`aliases`).
struct RedirectsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redirects",
        abstract: "Skriver ut omdirigeringar för webbservern från rutinernas tidigare namn (aliases) till deras nya sidor.",
        discussion: "En rutin som har bytt namn har en sida på sin gamla adress som skickar läsaren vidare. En riktig omdirigering i webbservern (301) behåller också en rubrik efter # i den gamla adressen. Välj webbserver med --format och ange med --prefix var handböckerna ligger på servern, till exempel --prefix /rutiner/. Spara reglerna i en fil med till exempel: rutinbok redirects --format nginx > rutinbok-redirects.conf. Slutkod: 0 när reglerna skrevs, 1 när innehållet har fel eller en vald kommun inte finns, 2 när kommandot är felskrivet.")

    @Option(help: OptionHelp.content)
    var content = "content"

    @Option(name: .customLong("council"), help: OptionHelp.councils)
    var councils: [String] = []

    @Option(name: .customLong("group"), help: OptionHelp.groups)
    var groups: [String] = []

    @Flag(help: OptionHelp.internal)
    var `internal` = false

    @Option(help: "Webbservern som reglerna är till för: nginx, apache, eller text (en rad per sida: gammal och ny adress).")
    var format: RedirectsFormat = .text

    @Option(help: ArgumentHelp("Var utdatamappen ligger på webbservern, till exempel /rutiner/. Med --own-site: var handbokens mapp ligger.", valueName: "sökväg"))
    var prefix = "/"

    @Flag(help: "Reglerna är för en handboks mapp som publiceras ensam, till exempel på kommunens egen webbplats: adresserna börjar vid mappen, inte vid utdatamappen. Kräver en --council.")
    var ownSite = false

    func validate() throws {
        // Written into the server's configuration as it is: a path of plain characters, no
        // white space or `;` `{` `}` that would end a rule, no `//` that leads to another host.
        let plain = prefix.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || "/-._~%".utf8.contains(byte)
        }
        if !plain || prefix.hasPrefix("//") || prefix.split(separator: "/").contains("..") {
            throw ValidationError("--prefix ska vara en sökväg på webbservern, till exempel /rutiner/, med bara bokstäverna a–z, siffror och - . _ ~ %, men här står '\(prefix)'")
        }
        if ownSite && (councils.count != 1 || !groups.isEmpty) {
            throw ValidationError("--own-site gäller en handbok: välj den med en --council (och ingen --group)")
        }
    }

    func run() async throws {
        let (redirects, diagnostics) = await Redirects.make(content: content, councils: councils, groups: groups, includeInternal: `internal`)
        let errors = diagnostics.filter { $0.severity == .error }
        Terminal.report(errors, strict: false)
        guard let redirects else { throw ExitCode(1) }
        let rules = ownSite ? redirects.insideTheirFolders() : redirects
        print(Terminal.visible(rules.rendered(as: format.core, prefix: prefix)), terminator: "")
        if !errors.isEmpty { throw ExitCode(1) }
    }
}

enum RedirectsFormat: String, ExpressibleByArgument, CaseIterable {
    case text, nginx, apache
    var core: Redirects.Format { Redirects.Format(rawValue: rawValue)! }
}
