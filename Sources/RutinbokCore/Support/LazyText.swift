import Synchronization

/// Text made when it is first read, once, whichever task reads it first.
final class LazyText: Sendable {
    private let make: @Sendable () -> String
    private let made = Mutex<String?>(nil)

    init(_ make: @escaping @Sendable () -> String) { self.make = make }

    var value: String {
        if let text = made.withLock({ $0 }) { return text }
        let text = make()
        return made.withLock { stored in
            if stored == nil { stored = text }
            return stored!
        }
    }
}
