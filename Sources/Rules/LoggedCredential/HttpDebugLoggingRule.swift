import Engine
import Facts
import Model
import Prefilter
import Support

/// `http-debug-logging`: HTTP client debug switches that print every request header, the
/// Authorization header included — Python `HTTPConnection.debuglevel = 1`, Go
/// `httputil.DumpRequest(Out)` whose dump is logged, OkHttp `HttpLoggingInterceptor` at
/// `HEADERS`/`BODY` without `redactHeader("Authorization")`, Ruby Faraday `response :logger`
/// without header filtering and `Net::HTTP#set_debug_output`, `curl -v`/`--trace` on a command
/// that sends credentials, and `set -x` before such a command in a shell script.
/// (Wire-logger levels in properties / YAML / XML are the pattern rule `http-wire-logging`.)
struct HttpDebugLoggingRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["logged": ["reason"], "loggedHere": [], "command": []]

    /// Before lexing: `curl` hits matter only with a verbose flag or `set -x` nearby; the other
    /// keywords are specific enough.
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        let bytes = context.file.bytes
        switch context.file.language {
        case .shell, .dockerfile, .yaml:
            return bytes.containsBytes("--trace") || bytes.containsBytes("--verbose") || bytes.containsBytes(" -v")
                || Self.hasShortVerboseCluster(bytes) || bytes.containsBytes("xtrace") || bytes.containsBytes("set -")
                || bytes.containsBytes(" -x")
        case .cLike, .python, .ruby:
            return true
        default:
            return false
        }
    }

    /// ` -sv`, ` -vk`, ` -sSLv`: a short-flag cluster with `v`.
    private static func hasShortVerboseCluster(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x20 && bytes[i + 1] == UInt8(ascii: "-") && Self.isLetter(bytes[i + 2]) {
                var k = i + 2
                while k < bytes.count && Self.isLetter(bytes[k]) && k - i < 8 {
                    if bytes[k] == UInt8(ascii: "v") { return true }
                    k += 1
                }
            }
            i += 1
        }
        return false
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        switch facts.file.language {
        case .python: pythonDebugLevel(&matches, context, rule)
        case .ruby: rubyDebugOutput(&matches, context, rule)
        case .cLike:
            if facts.file.dialect == .go { goDumpLogged(&matches, context, rule) }
            if [.java, .kotlin, .scala, .groovy].contains(facts.file.dialect) { okHttpLevel(&matches, context, rule) }
        case .shell, .dockerfile: shellTracing(&matches, context, rule)
        case .yaml: yamlCurlVerbose(&matches, context, rule)
        default: break
        }
    }

    func report(
        _ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition, _ from: Int, _ to: Int,
        _ message: String,
        related: [RelatedRange] = []
    ) {
        let tokens = context.facts.tokens
        matches.add(
            range: tokens[from].start..<tokens[to].end, message: rule.message("logged", ["reason": message]),
            related: related)
    }

    // MARK: Python

    /// `http.client.HTTPConnection.debuglevel = 1` (also `HTTPSConnection`, `httplib.`).
    private func pythonDebugLevel(_ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition) {
        let facts = context.facts
        for i in facts.tokens.indices where facts.tokens[i].kind == .identifier && facts.text(i) == "debuglevel" {
            guard let dot = facts.previous(i), facts.isPunct(dot, "."), let owner = facts.previous(dot),
                facts.text(owner).hasSuffix("Connection"), let eq = facts.next(i), facts.isPunct(eq, "="),
                let value = facts.next(eq), facts.tokens[value].kind == .number || facts.text(value) == "True"
            else { continue }
            if facts.tokens[value].kind == .number, Int(facts.text(value)) == 0 { continue }
            report(
                &matches, context, rule, owner, value,
                "\(facts.text(owner)).debuglevel prints every request header, Authorization included, to stdout")
        }
    }

    // MARK: Ruby

    /// `f.response :logger` without `headers: false` or a filter, and `http.set_debug_output($stderr)`.
    private func rubyDebugOutput(_ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition) {
        let facts = context.facts
        let tokens = facts.tokens
        let filtered = facts.file.bytes.containsBytes(".filter(")
        for i in tokens.indices where tokens[i].kind == .identifier {
            let name = facts.text(i)
            if name == "set_debug_output" {
                var arg = facts.next(i)
                if let a = arg, facts.isPunct(a, "(") { arg = facts.next(a) }
                guard let a = arg, facts.text(a) != "nil", !facts.isPunct(a, ")") else { continue }
                report(
                    &matches, context, rule, i, a,
                    "Net::HTTP#set_debug_output writes the raw request, Authorization header included")
            } else if name == "response" {
                var k = facts.next(i)
                if let p = k, facts.isPunct(p, "(") { k = facts.next(p) }
                guard let colon = k, facts.isPunct(colon, ":"), let sym = facts.next(colon),
                    facts.text(sym) == "logger",
                    tokens[sym].start == tokens[colon].end
                else { continue }
                let line = facts.file.lineText(facts.file.line(at: tokens[i].start))
                if filtered || line.containsBytes("headers: false") || line.containsBytes("request: false")
                    || line.containsBytes("headers => false")
                {
                    continue
                }
                report(
                    &matches, context, rule, i, sym,
                    "Faraday's logger middleware logs request headers (Authorization included) unless `headers: false` or a filter is set"
                )
            }
        }
    }

    // MARK: Go

    /// `dump, _ := httputil.DumpRequestOut(req, true)` followed by a logging call of `dump`, or
    /// the dump call written straight into a logging call.
    private func goDumpLogged(_ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition) {
        let facts = context.facts
        let logging = facts.loggingCalls
        for call in facts.calls where call.name == "DumpRequest" || call.name == "DumpRequestOut" {
            if let log = logging.first(where: { $0.openParen < call.calleeStart && call.closeParen <= $0.closeParen }) {
                report(
                    &matches, context, rule, call.calleeStart, call.closeParen,
                    "the request dump (headers included) is passed to \(log.callee)()")
                continue
            }
            // Names assigned on the left of `:=` / `=`.
            var names: Set<String> = []
            var k = facts.previous(call.calleeStart)
            if let op = k, facts.isPunct(op, ":=") || facts.isPunct(op, "=") {
                k = facts.previous(op)
                while let j = k, facts.tokens[j].kind == .identifier || facts.isPunct(j, ",") {
                    if facts.tokens[j].kind == .identifier { names.insert(facts.text(j)) }
                    k = facts.previous(j)
                }
            }
            names.remove("err"); names.remove("_")
            guard !names.isEmpty else { continue }
            for log in logging where log.calleeStart > call.closeParen {
                let uses = log.arguments.contains { arg in
                    arg.contains { facts.tokens[$0].kind == .identifier && names.contains(facts.text($0)) }
                }
                if uses {
                    report(
                        &matches, context, rule, call.calleeStart, call.closeParen,
                        "the request dump (headers included) is logged by \(log.callee)()",
                        related: [
                            RelatedRange(
                                facts.tokens[log.calleeStart].start..<facts.tokens[log.closeParen].end,
                                rule.message("loggedHere"))
                        ])
                    break
                }
            }
        }
    }

    // MARK: OkHttp

    /// `HttpLoggingInterceptor.Level.HEADERS` / `BODY` in a file that never calls
    /// `redactHeader("Authorization")` (or another credential header).
    private func okHttpLevel(_ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition) {
        let facts = context.facts
        let tokens = facts.tokens
        guard facts.file.bytes.containsBytes("HttpLoggingInterceptor") else { return }
        let redacts = facts.calls.contains { call in
            call.name == "redactHeader"
                && call.arguments.first.map { arg in
                    arg.contains {
                        tokens[$0].kind == .string
                            && CredentialNames.headers.contains((facts.value(of: tokens[$0]) ?? "").lowercased())
                    }
                        || arg.contains {
                            tokens[$0].kind == .identifier && facts.text($0).uppercased() == "AUTHORIZATION"
                        }
                } == true
        }
        guard !redacts else { return }
        for i in tokens.indices where tokens[i].kind == .identifier {
            let level = facts.text(i)
            guard level == "HEADERS" || level == "BODY", let dot = facts.previous(i), facts.isPunct(dot, "."),
                let owner = facts.previous(dot), facts.text(owner) == "Level"
            else { continue }
            report(
                &matches, context, rule, owner, i,
                "HttpLoggingInterceptor at Level.\(level) logs the Authorization header; call redactHeader(\"Authorization\")"
            )
        }
    }
}
