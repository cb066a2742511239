import Model
import Support

/// How the formats carry git history (`scan --history`): the commit that introduced a finding,
/// the later commits that still held it, and what the history scan read. Nothing is added to a
/// report of any other input, so their outputs are unchanged.
enum HistoryReport {
    /// Text: one line under the snippet.
    static func textLine(_ provenance: CommitProvenance) -> String {
        var line =
            "commit \(provenance.commit.prefix(12)) by \(PrintableText.escaped(provenance.author)), \(provenance.date)"
        let later = provenance.occurrences
        if !later.isEmpty {
            let shown = later.prefix(5).map { String($0.commit.prefix(12)) }.joined(separator: ", ")
            line += "; still in \(later.count) later commit\(later.count == 1 ? "" : "s"): \(shown)"
            if later.count > 5 { line += ", …" }
        }
        return line
    }

    /// The line formats (compact, GitHub, GitLab, JUnit, Checkstyle): the commit after the message.
    static func suffix(_ finding: Finding) -> String {
        guard let provenance = finding.provenance else { return "" }
        let later = provenance.occurrences.count
        return " (commit \(provenance.commit.prefix(12))\(later > 0 ? ", still in \(later) later" : ""))"
    }

    /// Text: what was read, what was left out, and a shallow clone's missing parents.
    static func summaryLine(_ history: HistorySummary) -> String {
        var text =
            "history (\(history.revisions.joined(separator: " "))): \(history.commits) commit\(history.commits == 1 ? "" : "s"), \(history.blobs) distinct blob\(history.blobs == 1 ? "" : "s")"
        let skipped = [
            (history.binaryBlobs, "binary"), (history.lfsPointers, "LFS pointer"), (history.submodules, "submodule"),
            (history.symlinks, "symbolic link"), (history.excluded, "excluded by config"),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        if !skipped.isEmpty { text += "; not scanned: " + skipped.joined(separator: ", ") }
        if !history.shallowBoundary.isEmpty {
            let shown = history.shallowBoundary.prefix(5).map { String($0.prefix(12)) }.joined(separator: ", ")
            text +=
                "; shallow clone: the parents of \(history.shallowBoundary.count) commit\(history.shallowBoundary.count == 1 ? "" : "s") are missing (\(shown)\(history.shallowBoundary.count > 5 ? ", …" : ""))"
        }
        return text
    }

    /// JSON and SARIF result properties: commit, author, date, later occurrences.
    static func fields(_ provenance: CommitProvenance) -> [(String, JSONOut)] {
        [
            ("commit", .string(provenance.commit)), ("author", .string(provenance.author)),
            ("date", .string(provenance.date)),
            (
                "occurrences",
                .array(
                    provenance.occurrences.map {
                        .object([("commit", .string($0.commit)), ("file", .string($0.file)), ("line", .int($0.line))])
                    })
            ),
        ]
    }

    /// JSON `summary.history`.
    static func summary(_ history: HistorySummary) -> JSONOut {
        .object([
            ("revisions", .array(history.revisions.map(JSONOut.string))),
            ("commits", .int(history.commits)), ("blobs", .int(history.blobs)),
            ("binaryBlobs", .int(history.binaryBlobs)), ("lfsPointers", .int(history.lfsPointers)),
            ("submodules", .int(history.submodules)), ("symlinks", .int(history.symlinks)),
            ("excluded", .int(history.excluded)),
            ("shallowBoundary", .array(history.shallowBoundary.map(JSONOut.string))),
            ("head", history.headCommit.map(JSONOut.string) ?? .null),
        ])
    }

    /// SARIF `run.versionControlProvenance`: the repository and the commit HEAD named.
    static func versionControlProvenance(_ history: HistorySummary) -> [(String, JSONOut)] {
        guard let uri = history.repositoryURI else { return [] }
        var details: [(String, JSONOut)] = [("repositoryUri", .string(uri))]
        if let head = history.headCommit { details.append(("revisionId", .string(head))) }
        return [("versionControlProvenance", .array([.object(details)]))]
    }
}
