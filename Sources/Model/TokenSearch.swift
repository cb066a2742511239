extension Array where Element == Token {
    /// Index of the token containing byte `offset`, if any: a binary search, since lexers emit
    /// tokens in source order without overlaps.
    public func index(containing offset: Int) -> Int? {
        var lo = 0
        var hi = count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if self[mid].end <= offset {
                lo = mid + 1
            } else if self[mid].start > offset {
                hi = mid - 1
            } else {
                return mid
            }
        }
        return nil
    }
}
