import ArgumentParser

@main
struct Rutinbok: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rutinbok",
        abstract: "Builds routine handbooks for Swedish councils from Markdown and YAML.",
        subcommands: [BuildCommand.self, CheckCommand.self, RenderCommand.self, ServeCommand.self, NewCommand.self, AdoptCommand.self, ReportCommand.self]
    )
}
