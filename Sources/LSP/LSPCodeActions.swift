import Engine
import Lexing
import Model
import Session
import Support
import Suppression

/// Quick fixes for findings: "Ignore RULE on this line" (an `authlint:ignore` comment) and
/// "Explain RULE" (the `authlint.explain` command, which shows what `authlint explain RULE` prints).
enum LSPCodeActions {
    static let explainCommand = "authlint.explain"

    /// Actions for the findings on the requested lines (0-based, inclusive).
    static func actions(
        findings: [Finding], document: TextDocument, lines: ClosedRange<Int>,
        rule: (String) -> RuleDefinition?
    ) -> [JSONOut] {
        var actions: [JSONOut] = []
        var offeredIgnores = Set<String>(), offeredExplains = Set<String>()
        let source = SourceFile(path: document.path, bytes: document.bytes)
        var tokens: [Token]?  // lexed only when an ignore comment has to be placed
        for finding in findings {
            let range = LSPDiagnostics.range(of: finding, in: document)
            guard range.start.line <= lines.upperBound && range.end.line >= lines.lowerBound else { continue }
            let diagnostic = LSPDiagnostics.diagnostic(finding, in: document, rule: rule(finding.rule))
            if offeredIgnores.insert("\(finding.rule)@\(finding.line)").inserted {
                if tokens == nil { tokens = LexerRegistry.tokenize(source).tokens }
                if let edit = ignoreEdit(
                    rule: finding.rule, line: finding.line, document: document, source: source, tokens: tokens ?? [])
                {
                    actions.append(
                        .object([
                            ("title", .string("Ignore \(finding.rule) on this line")),
                            ("kind", .string("quickfix")),
                            ("diagnostics", .array([diagnostic])),
                            ("edit", .object([("changes", .object([(document.uri, .array([edit]))]))])),
                        ]))
                }
            }
            if offeredExplains.insert(finding.rule).inserted {
                // A bare Command rather than a CodeAction carrying one: both are valid results,
                // but lsprotocol (pygls clients) reads any action with a `command` as a Command.
                let title = "Explain \(finding.rule)"
                actions.append(
                    .object([
                        ("title", .string(title)), ("command", .string(explainCommand)),
                        ("arguments", .array([.string(finding.rule)])),
                    ]))
            }
        }
        return actions
    }

    /// A TextEdit adding `authlint:ignore RULE` for 1-based `line`: a trailing comment where the
    /// language allows one and the line does not end inside a string, comment or continuation;
    /// otherwise `authlint:ignore-next-line RULE` on a new line above; nil when neither is safe
    /// (strict JSON, the middle of a multi-line string or shell continuation).
    static func ignoreEdit(rule: String, line: Int, document: TextDocument, source: SourceFile, tokens: [Token])
        -> JSONOut?
    {
        guard let syntax = source.language.commentSyntax(dialect: source.dialect) else { return nil }
        let line0 = line - 1
        let content = document.lineContent(line0)
        let bytes = document.bytes
        func insideToken(_ offset: Int) -> Bool { tokens.contains { $0.start < offset && $0.end > offset } }
        func endsWithContinuation(_ range: Range<Int>) -> Bool {
            var end = range.upperBound
            while end > range.lowerBound && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            return end > range.lowerBound && bytes[end - 1] == UInt8(ascii: "\\")
        }

        if syntax.trailingAllowed && !insideToken(content.upperBound) && !endsWithContinuation(content) {
            let at = document.lspPosition(ofByte: content.upperBound)
            return textEdit(at: at, insert: " " + syntax.wrap("authlint:ignore \(rule)"))
        }
        let previousContinues = line0 > 0 && endsWithContinuation(document.lineContent(line0 - 1))
        guard !insideToken(content.lowerBound) && !previousContinues else { return nil }
        let indent = String(decoding: bytes[content].prefix { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
        // Keep the file's own line break style.
        let lineBreak =
            content.upperBound + 1 < bytes.count && bytes[content.upperBound] == 0x0D
                && bytes[content.upperBound + 1] == 0x0A
            ? "\r\n"
            : content.upperBound < bytes.count && bytes[content.upperBound] == 0x0D ? "\r" : "\n"
        return textEdit(
            at: LSPPosition(line: line0, character: 0),
            insert: indent + syntax.wrap("authlint:ignore-next-line \(rule)") + lineBreak)
    }

    static func textEdit(at position: LSPPosition, insert text: String) -> JSONOut {
        .object([("range", .object([("start", position.json), ("end", position.json)])), ("newText", .string(text))])
    }
}
