struct JSONParser {
    let bytes: [UInt8]
    let allowComments: Bool
    var i = 0
    package var line = 1
    var lineStart = 0
    static let maxDepth = 512

    init(bytes: [UInt8], allowComments: Bool) {
        self.bytes = bytes
        self.allowComments = allowComments
        // A UTF-8 BOM is not part of the document.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3; lineStart = 3 }
    }

    /// Column of `i`, counted incrementally from the last position asked for on the same line,
    /// so long lines (rule descriptions, minified JSON) stay linear.
    private var columnCache = (offset: 0, column: 1)

    package var column: Int {
        mutating get {
            var (k, col) = columnCache.offset >= lineStart && columnCache.offset <= i ? columnCache : (lineStart, 1)
            while k < i && k < bytes.count { if bytes[k] & 0xC0 != 0x80 { col += 1 }; k += 1 }
            columnCache = (k, col)
            return col
        }
    }

    mutating func error(_ message: String) -> JSONParseError {
        JSONParseError(message: message, line: line, column: column)
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONNode {
        try skipSpace()
        guard i < bytes.count else { throw error("empty document: expected a JSON value") }
        let node = try parseValue(depth: 0)
        try skipSpace()
        if i < bytes.count { throw error("unexpected text after the JSON value") }
        return node
    }

    mutating func skipSpace() throws(JSONParseError) {
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                i += 1; line += 1; lineStart = i
            } else if b == 0x20 || b == 0x09 || b == 0x0D {
                i += 1
            } else if b == UInt8(ascii: "/") && i + 1 < bytes.count
                && (bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "*"))
            {
                guard allowComments else { throw error("comments are not allowed here") }
                if bytes[i + 1] == UInt8(ascii: "/") {
                    while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                } else {
                    let startLine = line, startColumn = column
                    i += 2
                    while true {
                        guard i + 1 < bytes.count else {
                            throw JSONParseError(
                                message: "unterminated /* comment", line: startLine, column: startColumn)
                        }
                        if bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/") { i += 2; break }
                        if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
                        i += 1
                    }
                }
            } else {
                return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONNode {
        guard depth < Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        guard i < bytes.count else { throw error("unexpected end of document: expected a value") }
        let startLine = line, startColumn = column
        func node(_ kind: JSONNode.Kind) -> JSONNode { JSONNode(value: kind, line: startLine, column: startColumn) }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(key: String, node: JSONNode)] = []
            var seen = Set<String>()
            try skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return node(.object(members)) }
            while true {
                try skipSpace()
                if allowComments && !members.isEmpty && i < bytes.count && bytes[i] == UInt8(ascii: "}") {
                    i += 1; break
                }
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                    throw error(
                        members.isEmpty ? "expected a string key or '}'" : "expected a string key (trailing comma?)")
                }
                let keyLine = line, keyColumn = column
                let key = try parseString()
                guard seen.insert(key).inserted else {
                    throw JSONParseError(message: "duplicate key '\(key)'", line: keyLine, column: keyColumn)
                }
                try skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
                    throw error("expected ':' after key '\(key)'")
                }
                i += 1
                try skipSpace()
                members.append((key, try parseValue(depth: depth + 1)))
                try skipSpace()
                guard i < bytes.count else { throw error("unterminated object: expected ',' or '}'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; break }
                throw error("expected ',' or '}' after object member")
            }
            return node(.object(members))
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONNode] = []
            try skipSpace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return node(.array(items)) }
            while true {
                try skipSpace()
                if allowComments && !items.isEmpty && i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; break }
                items.append(try parseValue(depth: depth + 1))
                try skipSpace()
                guard i < bytes.count else { throw error("unterminated array: expected ',' or ']'") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; break }
                throw error("expected ',' or ']' after array element")
            }
            return node(.array(items))
        case UInt8(ascii: "\""):
            return node(.string(try parseString()))
        case UInt8(ascii: "t"): try literal("true"); return node(.bool(true))
        case UInt8(ascii: "f"): try literal("false"); return node(.bool(false))
        case UInt8(ascii: "n"): try literal("null"); return node(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return node(.number(try parseNumber()))
        default:
            throw error("unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))': expected a JSON value")
        }
    }

    mutating func literal(_ word: String) throws(JSONParseError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
            throw error("invalid literal: expected '\(word)'")
        }
        i += w.count
    }

    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int {
            let s = i; while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }; return i - s
        }
        guard i < bytes.count else { throw error("invalid number") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw error("invalid number") }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1; if digits() == 0 { throw error("invalid number: digits expected after '.'") }
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            if digits() == 0 { throw error("invalid number: digits expected in exponent") }
        }
        return Double(String(decoding: bytes[start..<i], as: UTF8.self)) ?? 0
    }

    mutating func parseString() throws(JSONParseError) -> String {
        let startLine = line, startColumn = column
        i += 1
        // Fast path: most strings have no escapes and become one String straight from the bytes.
        let runStart = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 {
            i += 1
        }
        if i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
            i += 1
            return String(decoding: bytes[runStart..<i - 1], as: UTF8.self)
        }
        var out = Array(bytes[runStart..<i])
        while true {
            guard i < bytes.count else {
                throw JSONParseError(message: "unterminated string", line: startLine, column: startColumn)
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 {
                throw error(
                    b == 0x0A ? "unterminated string (line break inside a string)" : "control character inside a string"
                )
            }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { throw error("unterminated escape") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                    bytes[i + 1] == UInt8(ascii: "u")
                {
                    i += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw error("invalid surrogate pair") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
            default:
                i -= 1
                throw error("invalid escape '\\\(String(decoding: [e], as: UTF8.self))'")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let d = ASCII.hexValue(bytes[i]) else { throw error("invalid \\u escape") }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
