/// `--color auto|always|never`: whether the text report carries ANSI colours.
enum ColorChoice: String, CaseIterable {
    case auto, always, never

    /// `always` colours a pipe or a file too; `auto` colours a terminal, and the environment
    /// overrides that: `FORCE_COLOR` (set and not `0`) turns colours on for CI logs, which are no
    /// terminal, and wins over `NO_COLOR` (as in Node.js), which turns them off. Only the text
    /// format is ever coloured; a report to `--output` is never coloured in auto mode.
    func enabled(stdoutIsTerminal: Bool, writesToFile: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0", force != "false" { return true }
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return stdoutIsTerminal && !writesToFile
        }
    }
}
