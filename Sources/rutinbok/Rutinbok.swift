import ArgumentParser
import CommandLineSupport

@main
struct Rutinbok: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rutinbok",
        abstract: "Bygger handböcker med rutiner för kommuner och regioner, från Markdown och YAML.",
        version: ProgramVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, RenderCommand.self, ServeCommand.self, NewCommand.self, AdoptCommand.self, ReportCommand.self, RedirectsCommand.self]
    )
}
