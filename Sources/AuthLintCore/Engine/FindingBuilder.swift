/// Turns raw findings into reportable ones: positions, a one-line snippet with the secret
/// redacted, and a content-based fingerprint (rule + path + normalised match + occurrence).
enum FindingBuilder {
    static let snippetLimit = 160

    static func build(_ raw: [RawFinding], in file: SourceFile, showSecrets: Bool) -> [Finding] {
        var occurrences: [String: Int] = [:]
        return build(raw, in: file, showSecrets: showSecrets, occurrences: &occurrences)
    }

    /// `occurrences` counts matches seen so far in the file, so a file scanned in windows (in
    /// order) gets the fingerprints a whole-file scan would give.
    static func build(_ raw: [RawFinding], in file: SourceFile, showSecrets: Bool, occurrences: inout [String: Int]) -> [Finding] {
        let ordered = raw.sorted { ($0.range.lowerBound, $0.rule.id) < ($1.range.lowerBound, $1.rule.id) }
        var findings: [Finding] = []
        var seen = Set<String>()
        for item in ordered {
            // Two paths to the same finding (overlapping windows, repeated facts) report once.
            let identity = "\(item.rule.id)#\(item.range.lowerBound)#\(item.range.upperBound)"
            guard seen.insert(identity).inserted else { continue }
            let start = file.position(at: item.range.lowerBound)
            let end = file.position(at: max(item.range.lowerBound, item.range.upperBound))
            let matched = file.text(item.range)
            let normalised = matched.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            let occurrenceKey = item.rule.id + "\u{0}" + normalised
            let occurrence = occurrences[occurrenceKey, default: 0]
            occurrences[occurrenceKey] = occurrence + 1
            let fingerprint = SHA256.hex([item.rule.id, file.path, normalised, String(occurrence)].joined(separator: "\u{0}"))
            findings.append(Finding(
                rule: item.rule.id, category: item.rule.category, severity: item.severity, file: file.path,
                line: start.line, column: start.column, endLine: end.line, endColumn: end.column,
                message: item.message, snippet: snippet(item, file: file, showSecrets: showSecrets),
                fingerprint: fingerprint))
        }
        return findings
    }

    /// The matched text on one line, the secret replaced by its redacted form.
    static func snippet(_ item: RawFinding, file: SourceFile, showSecrets: Bool) -> String {
        var text: String
        if let secret = item.secret, !showSecrets {
            let before = file.text(item.range.lowerBound..<max(item.range.lowerBound, secret.lowerBound))
            let after = file.text(min(secret.upperBound, item.range.upperBound)..<item.range.upperBound)
            text = before + Redaction.redact(file.text(secret)) + after
        } else {
            text = file.text(item.range)
        }
        if let newline = text.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            text = String(text[..<newline]) + " …"
        }
        text = text.trimmingCharacters(in: .whitespaces)
        // A password in URL userinfo is a secret whichever rule matched the URL.
        if !showSecrets { text = Redaction.scrubURLPasswords(text) }
        if text.count > snippetLimit { text = String(text.prefix(snippetLimit)) + "…" }
        return text
    }
}

import Foundation
