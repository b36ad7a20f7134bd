import Foundation
import RutinbokCore

/// The outcome of the latest build, which decides what the preview shows.
public struct PreviewBuild: Sendable {
    /// Changes with every build; pages carry it so a tab that missed an event still notices.
    public var id: String
    public var number: Int
    public var ok: Bool
    public var diagnostics: [Diagnostic]
    public var seconds: Double
    /// Files whose change started this build; empty for the first one.
    public var changed: [String]

    var json: String {
        "{\"build\":\"\(id)\",\"ok\":\(ok),\"errors\":\(diagnostics.errorCount),\"warnings\":\(diagnostics.warningCount)}"
    }
}

/// Runs builds one at a time and remembers the last one.
actor BuildState {
    private let options: Build.Options
    /// Distinguishes this server's builds from those of a server that ran before it.
    private let instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private(set) var latest: PreviewBuild

    init(options: Build.Options) {
        self.options = options
        latest = PreviewBuild(id: "\(instance)-0", number: 0, ok: false,
                              diagnostics: [], seconds: 0, changed: [])
    }

    func rebuild(changed: [String]) async -> PreviewBuild {
        let started = ContinuousClock.now
        let result = await Build.run(options, write: true)
        let elapsed = ContinuousClock.now - started
        let number = latest.number + 1
        latest = PreviewBuild(id: "\(instance)-\(number)", number: number, ok: result.published,
                              diagnostics: result.diagnostics.normalized(),
                              seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                              changed: changed)
        return latest
    }
}
