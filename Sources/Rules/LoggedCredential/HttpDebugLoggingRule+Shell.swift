import Engine
import Facts
import Model
import Prefilter
import Support

extension HttpDebugLoggingRule {
    // MARK: Shell

    /// A command's verbose flags and whether it sends a credential.
    struct CurlCommand {
        var start: Int
        var end: Int
        var verboseFlag: Int?
        var sendsCredential: Bool
    }

    /// `curl` commands of a shell script or Dockerfile.
    static func curlCommands(_ facts: FileFacts) -> [CurlCommand] {
        let tokens = facts.tokens
        var result: [CurlCommand] = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].kind == .string || tokens[i].kind == .identifier, facts.value(i) == "curl" else { continue }
            var command = CurlCommand(start: i, end: i, verboseFlag: nil, sendsCredential: false)
            var j = i + 1
            while j < tokens.count && !facts.endsCommand(between: j - 1, and: j) {
                let word = facts.value(j)
                if Self.isVerboseFlag(word) { command.verboseFlag = command.verboseFlag ?? j }
                if Self.sendsCredential(word, next: facts.next(j).map { facts.value($0) }) {
                    command.sendsCredential = true
                }
                command.end = j
                j += 1
            }
            result.append(command)
            i = j - 1
        }
        return result
    }

    /// `curl -v` / `--trace` on a credentialed command; `set -x` (or `-o xtrace`, `bash -x`
    /// shebang) before one, with no `set +x` in between.
    func shellTracing(_ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition) {
        let facts = context.facts
        let tokens = facts.tokens
        let commands = Self.curlCommands(facts).filter(\.sendsCredential)
        guard !commands.isEmpty else { return }
        for command in commands {
            if let flag = command.verboseFlag {
                report(&matches, context, rule, flag, flag, Self.verboseReason(facts.value(flag)))
            }
        }
        // Tracing switched on / off, in order.
        var tracing: [(token: Int, on: Bool)] = []
        if facts.file.bytes.starts(with: Array("#!".utf8)) {
            let first = facts.file.lineText(1)
            if first.containsBytes(" -x") || first.containsBytes(" -ex") || first.containsBytes(" -xe"),
                let t = tokens.indices.first
            {
                tracing.append((t, true))
            }
        }
        for i in tokens.indices
        where tokens[i].kind == .identifier && facts.text(i) == "set" && facts.startsStatement(i) {
            guard let flag = facts.next(i), !facts.endsCommand(between: i, and: flag) else { continue }
            let word = facts.value(flag)
            if word == "-o" || word == "+o", let option = facts.next(flag), facts.value(option) == "xtrace" {
                tracing.append((flag, word == "-o"))
            } else if (word.hasPrefix("-") || word.hasPrefix("+")) && word.count > 1
                && word.dropFirst().allSatisfy({ $0.isLetter }) && word.contains("x")
            {
                tracing.append((flag, word.hasPrefix("-")))
            }
        }
        for (index, switchOn) in tracing.enumerated() where switchOn.on {
            let offAt = tracing[(index + 1)...].first(where: { !$0.on })?.token ?? tokens.count
            if let command = commands.first(where: { $0.start > switchOn.token && $0.start < offAt }) {
                report(
                    &matches, context, rule, switchOn.token, switchOn.token,
                    "shell tracing echoes a credentialed curl command into the log",
                    related: [
                        RelatedRange(tokens[command.start].start..<tokens[command.start].end, rule.message("command"))
                    ])
            }
        }
    }

    /// `run: curl -v -H "Authorization: …" …` in CI YAML: the step's log shows the header.
    func yamlCurlVerbose(_ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition) {
        for command in context.facts.shellCommands where command.program == "curl" {
            let words = command.words.map(\.text)
            let sendsCredential = words.indices.contains { k in
                Self.sendsCredential(words[k], next: k + 1 < words.count ? words[k + 1] : nil)
            }
            guard sendsCredential, let flag = command.words.first(where: { Self.isVerboseFlag($0.text) }) else {
                continue
            }
            matches.add(
                range: flag.range,
                message: rule.message("logged", ["reason": Self.verboseReason(flag.text)]))
        }
    }

    /// A curl word that sends a credential: `-u`/`--user`, `--oauth2-bearer`, or `-H` / `--header`
    /// whose `next` word names a credential header.
    static func sendsCredential(_ word: String, next: String?) -> Bool {
        if word == "-u" || word == "--user" || word.hasPrefix("--user=") || word.hasPrefix("--oauth2-bearer") {
            return true
        }
        guard word == "-H" || word == "--header", let header = next, let colon = header.firstIndex(of: ":") else {
            return false
        }
        return CredentialNames.mechanism(ofHeader: header[..<colon].trimmingCharacters(in: .whitespaces)) != nil
    }

    static func verboseReason(_ flag: String) -> String {
        "curl \(flag) prints the request headers, the credential sent by this command included"
    }

    /// `--verbose`, `--trace…`, or a short-flag cluster holding `v` (`-v`, `-sv`, `-fsSLv`).
    static func isVerboseFlag(_ word: String) -> Bool {
        if word == "--verbose" || word.hasPrefix("--trace") { return true }
        return word.hasPrefix("-") && !word.hasPrefix("--") && word.count > 1 && word.count <= 8
            && word.dropFirst().allSatisfy({ $0.isLetter }) && word.contains("v")
    }
}
