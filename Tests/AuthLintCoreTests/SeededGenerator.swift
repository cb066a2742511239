import Foundation

/// SplitMix64: the tests' only source of randomness, so a failure can be replayed. The seed is
/// fixed per test unless `AUTHLINT_TEST_SEED` overrides it; tests put `seed` in their messages.
struct SeededGenerator: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    init(seed: UInt64) {
        let override = ProcessInfo.processInfo.environment["AUTHLINT_TEST_SEED"].flatMap { UInt64($0) }
        self.seed = override ?? seed
        state = self.seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}
