extension Build {
    /// What `rutinbok check` reports: the problems of both versions a content folder makes, the
    /// public one and the intranet's (`access: internal` included), each problem once. A public
    /// build leaves its internal routines out before checking, so a broken link or a misspelt
    /// contact in one would otherwise show only when the intranet's version is built. With
    /// `includeInternal`, the intranet's version alone, as before. Nothing is written.
    ///
    /// The two run one after the other: each uses every core already, and side by side they
    /// would hold two builds' data at once. So `check` takes about twice a public check's
    /// time. A problem both find is the same diagnostic (file, place, message, handbook) and
    /// is shown once, since what is reported is `normalized()`, which merges equal ones.
    public static func checkBothVersions(_ options: Options) async -> Result {
        guard !options.includeInternal else { return await run(options, write: false) }
        var publicOptions = options
        publicOptions.endsProcess = false
        var result = await run(publicOptions, write: false)
        var intranet = options
        intranet.includeInternal = true
        result.diagnostics += await run(intranet, write: false).diagnostics
        return result
    }
}
