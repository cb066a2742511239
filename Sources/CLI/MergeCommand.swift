import Discovery
import Reporting
import Session
import Support

/// `authlint merge REPORT ... [--format json|sarif] [--output FILE]`: the JSON or SARIF reports
/// of `scan --shard I/N` jobs combined into the report one scan would have written.
enum MergeCommand {
    static func run(_ args: [String], console: inout Console) throws -> Int32 {
        let options = try FlagTable.parser(for: "merge").parse(args)
        guard !options.positional.isEmpty else {
            throw UsageError("`merge` needs the report files to combine (authlint merge REPORT ...)")
        }
        var expected: ReportMerger.Format?
        if let text = options.value("--format") {
            guard let format = ReportMerger.Format(rawValue: text) else {
                throw UsageError("merge --format must be json or sarif, got '\(text)'")
            }
            expected = format
        }
        let output = options.value("--output")
        if let output, options.positional.contains(output) {
            throw UsageError("--output \(PrintableText.escaped(output)) is one of the reports to merge")
        }
        var reports: [ReportMerger.Report] = []
        for path in options.positional {
            let name = PrintableText.escaped(path)
            let bytes: [UInt8]
            switch FileReader.readSettingsFile(path) {
            case .success(let read): bytes = read
            case .failure(let error):
                console.err("authlint: cannot read report \(name): \(error)\n")
                return 2
            }
            do {
                reports.append(
                    ReportMerger.Report(name: name, document: try JSONNode.parse(bytes, allowComments: false)))
            } catch {
                console.err("authlint: \(name):\(error.line):\(error.column): not a JSON report: \(error.message)\n")
                return 2
            }
        }
        let merged: String
        do {
            merged = try ReportMerger.merge(reports, expected: expected)
        } catch {
            console.err("authlint: \(error.description)\n")
            return 2
        }
        if let output {
            do { try ReportOutput.write(merged, to: output) } catch {
                console.err("authlint: \(error)\n")
                return 2
            }
        } else {
            console.out(merged)
        }
        return 0
    }
}
