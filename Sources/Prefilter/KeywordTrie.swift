/// The keywords' trie over byte classes, walked from every byte of the input: cheap to build
/// (one state per distinct keyword prefix, children in sibling lists, the root's in a row), so a
/// short scan does not pay for the dense DFA. Hits come in the DFA's order: by end offset, then
/// longest first, then by keyword index.
struct KeywordTrie: Sendable {
    typealias Hit = KeywordPrefilter.Hit
    private let byteClass: [UInt8]
    /// The root's child per class (0: none; the root is state 0 and never a child).
    private let rootChild: [Int32]
    /// Per state: its first child, its next sibling (0: none), the class of its incoming edge.
    private let firstChild: [Int32]
    private let nextSibling: [Int32]
    private let edgeClass: [UInt8]
    /// Per state: the keywords that are exactly its path, in index order.
    private let ends: [[Int32]]
    private let keywordLengths: [Int]

    init(lowered: [[UInt8]], classes: [UInt8], classCount: Int) {
        byteClass = classes
        keywordLengths = lowered.map { $0.count }
        let stateBound = 1 + lowered.reduce(0) { $0 + $1.count }
        var rootChild = [Int32](repeating: 0, count: classCount)
        var firstChild: [Int32] = [0], nextSibling: [Int32] = [0], edgeClass: [UInt8] = [0]
        var ends: [[Int32]] = [[]]
        firstChild.reserveCapacity(stateBound)
        nextSibling.reserveCapacity(stateBound)
        edgeClass.reserveCapacity(stateBound)
        ends.reserveCapacity(stateBound)
        for (index, word) in lowered.enumerated() where !word.isEmpty {
            var state: Int32 = 0
            for byte in word {
                let cls = classes[Int(byte)]
                var child = state == 0 ? rootChild[Int(cls)] : firstChild[Int(state)]
                if state != 0 { while child != 0 && edgeClass[Int(child)] != cls { child = nextSibling[Int(child)] } }
                if child == 0 {
                    child = Int32(firstChild.count)
                    firstChild.append(0)
                    edgeClass.append(cls)
                    ends.append([])
                    if state == 0 {
                        nextSibling.append(0)
                        rootChild[Int(cls)] = child
                    } else {
                        nextSibling.append(firstChild[Int(state)])
                        firstChild[Int(state)] = child
                    }
                }
                state = child
            }
            ends[Int(state)].append(Int32(index))
        }
        self.rootChild = rootChild
        self.firstChild = firstChild
        self.nextSibling = nextSibling
        self.edgeClass = edgeClass
        self.ends = ends
    }

    func scan(_ bytes: [UInt8]) -> [Hit] {
        var hits: [Hit] = []
        bytes.withUnsafeBufferPointer { input in
            let n = input.count
            for start in 0..<n {
                var state = rootChild[Int(byteClass[Int(input[start])])]
                var i = start + 1
                while state != 0 {
                    for keyword in ends[Int(state)] { hits.append(Hit(keyword: Int(keyword), start: start, end: i)) }
                    guard i < n else { break }
                    let cls = byteClass[Int(input[i])]
                    var child = firstChild[Int(state)]
                    while child != 0 && edgeClass[Int(child)] != cls { child = nextSibling[Int(child)] }
                    state = child
                    i += 1
                }
            }
        }
        // Found by start; the DFA reports by end, longest (earliest start) first, then by index.
        hits.sort { ($0.end, $0.start, $0.keyword) < ($1.end, $1.start, $1.keyword) }
        return hits
    }
}
