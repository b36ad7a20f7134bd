extension Build {
    /// What `rutinbok check` reports: the problems of both versions a content folder makes, the
    /// public one and the intranet's (`access: internal` included), each problem once. A public
    /// build leaves its internal routines out before checking, so a broken link or a misspelt
    /// contact in one would otherwise show only when the intranet's version is built. With
    /// `includeInternal`, the intranet's version alone, as before. Nothing is written.
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
