extension HardcodedSecretRule {
    /// A name that reads like an identifier or config key (not a path, a CSV row or `AWS::Type`).
    /// A config key may start with a digit (`1password_api_token:`, `2fa_secret=`) when a letter
    /// follows.
    static func isIdentifierLike(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 80 else { return false }
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly every name): the same test on bytes, without Unicode property lookups.
            let bytes = Array(name.utf8)
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            let digitLed = bytes.prefix(while: isDigit).count
            guard
                isLetter(bytes[0]) || "_$@-".utf8.contains(bytes[0])
                    || (digitLed > 0 && digitLed < bytes.count && isLetter(bytes[digitLed]))
            else { return false }
            return bytes.allSatisfy { isLetter($0) || isDigit($0) || "_.$@-".utf8.contains($0) }
        }
        guard first.properties.isAlphabetic || first == "_" || first == "$" || first == "@" || first == "-" else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.$@-".unicodeScalars.contains($0)
        }
    }
}
