import Engine
import Facts
import Model
import Prefilter
import Support

extension TlsVerificationDisabledRule {
    // MARK: references `ssl._create_unverified_context`, .NET `DangerousAcceptAnyServerCertificateValidator`

    func checkReferences(
        _ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition, _ facts: FileFacts,
        _ severity: Severity, _ candidates: [Int]
    ) {
        for i in candidates where facts.tokens[i].kind == .identifier {
            let name = facts.text(i)
            guard name == "_create_unverified_context" || name == "DangerousAcceptAnyServerCertificateValidator",
                let dot = facts.previous(i), facts.isPunct(dot, ".")
            else { continue }
            matches.add(
                range: facts.tokens[i].start..<facts.tokens[i].end,
                message: rule.message("reference", ["name": name]), severity: severity)
        }
    }

    // MARK: commands `curl -k`, `wget --no-check-certificate`, `http --verify=no`

    /// curl short options that take an argument: in `-ok` the `k` is the output file name, not `-k`.
    static let curlOptionsWithArgument = Set("bcCdDeEFHKmoPQrtTuUwxXyYzA")

    func checkCommands(
        _ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition, _ facts: FileFacts,
        _ severity: Severity
    ) {
        for command in facts.shellCommands {
            for (n, word) in command.words.enumerated() where n > 0 {
                if word.text == "--" { break }
                let insecure: Bool
                switch command.program {
                case "curl": insecure = word.text == "--insecure" || Self.curlShortOptionsContainK(word.text)
                case "wget": insecure = word.text == "--no-check-certificate"
                case "http", "https": insecure = word.text == "--verify=no" || word.text == "--verify=false"
                default: insecure = false
                }
                if insecure {
                    // `curl -k https://localhost:8443/…`: a local self-signed server.
                    let hosts = command.words.compactMap { URLAuthority($0.text)?.host }
                    if !hosts.isEmpty && hosts.allSatisfy({ context.facts.hosts.isLocalOrAllowed($0) }) { break }
                    matches.add(
                        range: word.range,
                        message: rule.message("command", ["program": command.program, "flag": word.text]),
                        severity: severity)
                    break
                }
            }
        }
    }

    static func curlShortOptionsContainK(_ word: String) -> Bool {
        guard word.count >= 2, word.first == "-", word.dropFirst().first != "-" else { return false }
        for letter in word.dropFirst() {
            if letter == "k" { return true }
            if curlOptionsWithArgument.contains(letter) || !letter.isLetter { return false }
        }
        return false
    }
}
