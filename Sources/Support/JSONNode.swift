/// A JSON parse error with the 1-based line and column where it was found.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var description: String { "\(line):\(column): \(message)" }
}

/// A parsed JSON value that remembers where it was written (rule files and config need
/// "file:line:column" errors; Foundation's parser gives no positions). Object members keep
/// their order.
public struct JSONNode: Sendable {
    public indirect enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        case object([(key: String, node: JSONNode)])
    }

    public var value: Kind
    public var line: Int
    public var column: Int

    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }

    public var stringValue: String? { if case .string(let s) = value { return s }; return nil }

    /// The value as an `Int` when it is a whole number within `range`; nil otherwise.
    /// `Int(_: Double)` traps on 1e19, infinity and NaN, so every JSON number goes through here.
    public func wholeNumber(in range: ClosedRange<Int>) -> Int? {
        guard case .number(let d) = value, let n = Int(exactly: d), range.contains(n) else { return nil }
        return n
    }

    /// Parses, turning a syntax error into the caller's own error type (rule file, config,
    /// baseline), so each names its file with the parser's line and column.
    public static func parse<E: Error>(_ bytes: [UInt8], allowComments: Bool, orThrow makeError: (JSONParseError) -> E)
        throws(E) -> JSONNode
    {
        do { return try parse(bytes, allowComments: allowComments) } catch { throw makeError(error) }
    }

    /// Parses one JSON document. `allowComments` enables JSONC: `//` and `/* */` comments and
    /// trailing commas (config files); rule files use strict JSON.
    public static func parse(_ bytes: [UInt8], allowComments: Bool) throws(JSONParseError) -> JSONNode {
        var parser = JSONParser(bytes: bytes, allowComments: allowComments)
        return try parser.parseDocument()
    }

}
