import ArgumentParser

@main
struct Rutinbok: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rutinbok",
        abstract: "Bygger handböcker med rutiner för kommuner och regioner, från Markdown och YAML.",
        subcommands: [BuildCommand.self, CheckCommand.self, RenderCommand.self, ServeCommand.self, NewCommand.self, AdoptCommand.self, ReportCommand.self]
    )
}
