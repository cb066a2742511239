import Engine
import Facts
import Model
import Prefilter
import Support

extension CredentialsOverHttpRule {
    // MARK: curl commands

    func checkShellCommands(
        _ facts: FileFacts, _ settings: ScanSettings, _ useByToken: [Int: URLUse],
        _ report: (Range<Int>, String, URLUse) -> Void
    ) {
        for command in facts.shellCommands where command.program == "curl" {
            var credential: (range: Range<Int>, what: String)?
            var target: URLUse?
            var n = 1
            while n < command.words.count {
                let word = command.words[n]
                let next = n + 1 < command.words.count ? command.words[n + 1] : nil
                if word.text == "-u" || word.text == "--user" || word.text == "--oauth2-bearer"
                    || word.text == "--proxy-user", let next
                {
                    if credential == nil {
                        credential = (word.range.lowerBound..<next.range.upperBound, "curl \(word.text) credentials")
                    }
                    n += 2
                    continue
                }
                if (word.text.hasPrefix("-u") && word.text.count > 2 && !word.text.hasPrefix("--"))
                    || word.text.hasPrefix("--user=")
                {
                    if credential == nil { credential = (word.range, "curl -u credentials") }
                } else if word.text == "-H" || word.text == "--header", let next {
                    let name =
                        next.text.split(separator: ":", maxSplits: 1).first.map {
                            $0.trimmingCharacters(in: .whitespaces)
                        } ?? ""
                    if credential == nil,
                        CredentialNames.mechanism(ofHeader: name, extra: settings.credentialHeaders) != nil
                    {
                        credential = (word.range.lowerBound..<next.range.upperBound, "the \(name) header")
                    }
                    n += 2
                    continue
                } else if target == nil {
                    if let token = word.token, let use = useByToken[token] {
                        target = use
                    } else if word.token == nil, let url = URLAuthority(word.text, schemes: ["http"]),
                        !InsecureHttpUrlRule.isExempt(url.host, facts.hosts)
                    {
                        target = URLUse(token: -1, range: word.range, host: url.host, hasUserinfo: url.hasUserinfo)
                    }
                }
                n += 1
            }
            if let credential, let target { report(credential.range, credential.what, target) }
        }
    }

    // MARK: `.http` request files

    /// `GET http://…` followed by an `Authorization:` (or other credential) header line in the same block.
    func checkHTTPFile(
        _ facts: FileFacts, _ useByToken: [Int: URLUse], _ report: (Range<Int>, String, URLUse) -> Void
    ) {
        let tokens = facts.tokens
        var current: URLUse?
        for i in tokens.indices {
            let token = tokens[i]
            if token.kind == .comment, facts.value(i).hasPrefix("##") { current = nil; continue }
            guard token.kind == .identifier else { continue }
            let name = facts.text(i)
            if HTTPMethods.all.contains(name) {
                current = facts.next(i).flatMap { useByToken[$0] }
                continue
            }
            if let use = current, let colon = facts.next(i), facts.isPunct(colon, ":"),
                CredentialNames.mechanism(ofHeader: name) != nil
            {
                let end = facts.next(colon).map { tokens[$0].end } ?? tokens[colon].end
                report(token.start..<end, "the \(name) header", use)
            }
        }
    }
}
