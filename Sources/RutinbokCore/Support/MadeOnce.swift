import Synchronization

/// Values made on first use, once per key, whichever task asks first; shared by the tasks of
/// a stage. A value is made outside the lock: two tasks may both make one, and the first
/// kept is the one every caller gets.
final class MadeOnce<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let made = Mutex<[Key: Value]>([:])

    init() {}

    func value(_ key: Key, make: () -> Value) -> Value {
        if let known = made.withLock({ $0[key] }) { return known }
        let value = make()
        return made.withLock { made in
            if let first = made[key] { return first }
            made[key] = value
            return value
        }
    }
}
