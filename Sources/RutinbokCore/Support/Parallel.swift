import Dispatch
import Synchronization

enum Parallel {
    /// `transform` applied to every element on all cores, results in the input's order.
    /// For CPU-bound work inside synchronous code; async stages use task groups.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = Mutex([R?](repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            let value = transform(items[index])
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// Two independent computations on two cores; both results. `second` runs on a thread of
    /// the global queue while this thread runs `first`, not as a `concurrentPerform` of two:
    /// Dispatch runs a `concurrentPerform` nested in another on one thread, so a `map` inside
    /// either side would have lost the other cores.
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        withoutActuallyEscaping(second) { second in
            let done = DispatchGroup()
            let result = Mutex<B?>(nil)
            DispatchQueue.global().async(group: done) {
                let value = second()
                result.withLock { $0 = value }
            }
            let firstValue = first()
            done.wait()
            return (firstValue, result.withLock { $0! })
        }
    }
}
