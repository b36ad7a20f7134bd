import Foundation

/// Wall time per build stage, for `--timings` and the benchmark notes.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        laps.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
