/// The scrubber patterns that start at a name: headers, schemes, keys, flags.
extension ScrubPattern {
    func header(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        if p > 0 {
            let before = text.scalarStart(before: p)
            if text.member(Self.nameBefore, at: before) > 0 { return nil }
        }
        for name in Self.headerNames {
            guard let nameEnd = text.foldedMatch(name, at: p) else { continue }
            let found = self == .headerValue ? headerValue(text, p, nameEnd) : headerSetter(text, p, nameEnd)
            if let found { return found }
        }
        return nil
    }

    /// After the name: `["']?\s*(?::|=>|=)\s*(["'`]?)(?:SCHEMES)?([^\s"'`,;)}\]]+)`.
    private func headerValue(_ text: ScrubText, _ p: Int, _ nameEnd: Int) -> ScrubMatch? {
        var i = nameEnd
        if text.isByte(i, oneOf: "\"'") { i += 1 }
        i = text.spacesEnd(from: i)
        var separatorEnds: [Int] = []
        if text.byte(i) == 0x3A {
            separatorEnds = [i + 1]
        } else if text.byte(i) == 0x3D {
            separatorEnds = text.byte(i + 1) == 0x3E ? [i + 2, i + 1] : [i + 1]
        }
        for separatorEnd in separatorEnds {
            var start = text.spacesEnd(from: separatorEnd)
            var quote = start..<start
            if text.isByte(start, oneOf: "\"'`") {
                quote = start..<start + 1
                start += 1
            }
            if let value = schemeThenValue(text, start, Self.headerText) {
                return ScrubMatch(range: p..<value.upperBound, name: quote, value: value)
            }
        }
        return nil
    }

    /// After the name: `["']\s*,\s*["'`](?:SCHEMES)?([^\s"'`]+)`.
    private func headerSetter(_ text: ScrubText, _ p: Int, _ nameEnd: Int) -> ScrubMatch? {
        guard text.isByte(nameEnd, oneOf: "\"'") else { return nil }
        let comma = text.spacesEnd(from: nameEnd + 1)
        guard text.byte(comma) == 0x2C else { return nil }
        let quote = text.spacesEnd(from: comma + 1)
        guard text.isByte(quote, oneOf: "\"'`"), let value = schemeThenValue(text, quote + 1, Self.word) else {
            return nil
        }
        return ScrubMatch(range: p..<value.upperBound, value: value)
    }

    /// `(?:SCHEMES)?(VALUE+)` at `i`: after a scheme word and its spaces if a value follows them,
    /// else from `i` (where the value is the scheme word itself, which the tests reject).
    private func schemeThenValue(_ text: ScrubText, _ i: Int, _ value: ScrubClass) -> Range<Int>? {
        for word in Self.schemeWords {
            guard let wordEnd = text.foldedMatch(word, at: i) else { continue }
            let start = text.spacesEnd(from: wordEnd)
            let end = text.runEnd(value, from: start)
            if start > wordEnd, end > start { return start..<end }
            break  // The scheme words start with different letters: no other one matches here.
        }
        let end = text.runEnd(value, from: i)
        return end > i ? i..<end : nil
    }

    func schemePayload(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        guard
            let wordEnd = text.foldedMatch(Array("basic".utf8), at: p) ?? text.foldedMatch(Array("bearer".utf8), at: p),
            text.wordBoundaryBeforeWord(at: p)
        else { return nil }
        let start = text.spacesEnd(from: wordEnd)
        guard start > wordEnd else { return nil }
        var end = start, length = 0
        while case let width = text.member(Self.payload, at: end), width > 0 {
            end += width
            length += 1
        }
        return length >= 8 ? ScrubMatch(range: p..<end, value: start..<end) : nil
    }

    func quotedValue(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        guard text.member(Self.nameStart, at: p) > 0 else { return nil }
        let nameEnd = text.runEnd(Self.nameRest, from: p)
        var i = nameEnd
        if text.isByte(i, oneOf: "\"'") { i += 1 }
        i = text.spacesEnd(from: i)
        // `:=|=>|==|=|:`: when a two-character separator fails, its one-character prefix leaves
        // `=`, `>` where the opening quote must be, so the first that matches is the only one.
        switch (text.byte(i), text.byte(i + 1)) {
        case (0x3A, 0x3D), (0x3D, 0x3E), (0x3D, 0x3D): i += 2
        case (0x3A, _), (0x3D, _): i += 1
        default: return nil
        }
        i = text.spacesEnd(from: i)
        guard text.isByte(i, oneOf: "\"'`") else { return nil }
        let quote = text.byte(i)
        let start = i + 1
        guard start < text.count, !text.isByte(start, oneOf: "\"'`"), text.member(ScrubText.space, at: start) == 0
        else { return nil }
        var end = start + text.width(at: start)
        while end < text.count, !text.isByte(end, oneOf: "\"'`\r\n") { end += 1 }
        guard text.byte(end) == quote, end < text.count else { return nil }
        return ScrubMatch(range: p..<end + 1, name: p..<nameEnd, value: start..<end)
    }

    func unquotedValue(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        // `(?:^|[\s;{(,])`: the empty start of the line first, then a separator character.
        if p == 0, let found = exportedValue(text, p, from: 0) { return found }
        let width = text.member(Self.lineStart, at: p)
        return width > 0 ? exportedValue(text, p, from: p + width) : nil
    }

    /// `(?:export\s+)?` (first with it), then the name, `\s*[=:]\s*` and the value.
    private func exportedValue(_ text: ScrubText, _ p: Int, from i: Int) -> ScrubMatch? {
        if let wordEnd = text.foldedMatch(Array("export".utf8), at: i) {
            let nameStart = text.spacesEnd(from: wordEnd)
            if nameStart > wordEnd, let found = assignedValue(text, p, nameStart) { return found }
        }
        return assignedValue(text, p, i)
    }

    private func assignedValue(_ text: ScrubText, _ p: Int, _ nameStart: Int) -> ScrubMatch? {
        guard text.member(Self.nameStart, at: nameStart) > 0 else { return nil }
        let nameEnd = text.runEnd(Self.nameRest, from: nameStart)
        let separator = text.spacesEnd(from: nameEnd)
        guard text.isByte(separator, oneOf: "=:") else { return nil }
        let start = text.spacesEnd(from: separator + 1)
        let end = text.runEnd(Self.unquotedText, from: start)
        guard end > start else { return nil }
        return ScrubMatch(range: p..<end, name: nameStart..<nameEnd, value: start..<end)
    }

    func flagValue(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        guard text.byte(p) == 0x2D, text.byte(p + 1) == 0x2D, text.member(Self.flagStart, at: p + 2) > 0 else {
            return nil
        }
        let nameEnd = text.runEnd(Self.flagRest, from: p + 2)
        var separatorEnd = nameEnd
        while text.isByte(separatorEnd, oneOf: "= ") { separatorEnd += 1 }
        // `[= ]+` gives back one character at a time until `["']?` and the value match.
        var at = separatorEnd
        while at > nameEnd {
            if text.isByte(at, oneOf: "\"'") {
                let end = text.runEnd(Self.word, from: at + 1)
                if end > at + 1 { return ScrubMatch(range: p..<end, name: p + 2..<nameEnd, value: at + 1..<end) }
            }
            let end = text.runEnd(Self.word, from: at)
            if end > at { return ScrubMatch(range: p..<end, name: p + 2..<nameEnd, value: at..<end) }
            at -= 1
        }
        return nil
    }

    func userPassword(_ text: ScrubText, _ p: Int) -> ScrubMatch? {
        // `(?:^|\s)`: the empty start of the line first, then a space.
        if p == 0, let found = userOption(text, p, at: 0) { return found }
        let width = text.member(ScrubText.space, at: p)
        return width > 0 ? userOption(text, p, at: p + width) : nil
    }

    /// `-u\s+["']?[^\s:"']*:([^\s"'`]+)` at `i`.
    private func userOption(_ text: ScrubText, _ p: Int, at i: Int) -> ScrubMatch? {
        guard text.byte(i) == 0x2D, ScrubText.lower(text.byte(i + 1)) == UInt8(ascii: "u") else { return nil }
        let userStart = text.spacesEnd(from: i + 2)
        guard userStart > i + 2 else { return nil }
        for start in text.isByte(userStart, oneOf: "\"'") ? [userStart + 1, userStart] : [userStart] {
            let colon = text.runEnd(Self.userName, from: start)
            guard text.byte(colon) == 0x3A else { continue }
            let end = text.runEnd(Self.word, from: colon + 1)
            if end > colon + 1 { return ScrubMatch(range: p..<end, value: colon + 1..<end) }
        }
        return nil
    }
}
