import Engine
import Facts
import Model
import Prefilter
import Support

/// `credential-in-log`: a logging call whose arguments carry an Authorization / appkey / API-key
/// header read, a request's whole header collection, a variable named like a credential, or a
/// variable assigned earlier in the same scope from a credential source (a Basic encoding, an auth
/// header read, an environment read of a key, a header map carrying auth). Masked, derived or
/// presence-only values (`redact(token)`, `len(token)`, `token is not None`, `Object.keys(headers)`,
/// `'***'`) do not count.
struct CredentialInLogRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["passed": ["reason", "callee"]]

    /// Identifiers that turn a credential into something safe to log.
    static let sanitizers: Set<String> = [
        "redact", "redacted", "mask", "masked", "sanitize", "sanitized", "scrub", "obfuscate", "hash", "sha256", "md5",
        "length", "count", "size", "len", "keys", "isEmpty", "hasPrefix", "startsWith", "prefix", "suffix", "type",
        "typeof",
        "bool", "Boolean", "present", "exists", "expiresAt", "expires_in", "expiry", "substring", "substr", "slice",
        "dropLast", "take", "omit", "without", "except", "pick", "keySet", "Keys", "allKeys", "names", "private",
        "sensitive",
    ]
    /// Words inside a name that say the value was made safe (`maskToken`, `redactedHeaders`, `safe_headers`).
    static let sanitizerWords: Set<String> = [
        "redact", "redacted", "redaction", "mask", "masked", "sanitize", "sanitized", "scrub", "scrubbed", "obfuscate",
        "obfuscated", "censor", "censored", "anonymize", "anonymized", "truncate", "truncated", "hashed", "digest",
        "fingerprint", "safe", "filtered",
    ]
    /// Identifiers of presence checks and conditions: the log says whether, not what.
    static let presenceWords: Set<String> = [
        "is", "not", "in", "if", "isset", "empty", "defined", "has", "hasOwnProperty", "includes", "contains",
        "startswith", "endswith", "has_key", "isNotEmpty", "isNotBlank", "isBlank", "isNullOrEmpty", "IsNullOrEmpty",
        "IsNullOrWhiteSpace", "nil", "blank", "null", "None", "instanceof",
    ]
    /// Names of whole header collections of a request.
    static let headerCollections: Set<String> = [
        "headers", "Header", "allHTTPHeaderFields", "httpAdditionalHeaders", "requestHeaders", "getHeaders",
        "getAllHeaders",
        "DefaultRequestHeaders", "all_headers", "Headers",
    ]
    /// Receivers whose headers are a response's (they carry no request credential).
    static let responseNames: Set<String> = [
        "res", "resp", "response", "r2", "reply", "result", "httpResponse", "HTTPResponse",
    ]
    /// Calls that read one header or one entry by name: `getHeader("Authorization")`, `.get("appkey")`.
    static let headerReaders: Set<String> = [
        "get", "Get", "getHeader", "header", "value", "headers", "GetValues", "getFirst", "fetch", "getenv", "Getenv",
        "getProperty", "get_header", "getRequestHeader", "GetHeader", "FirstOrDefault",
    ]
    /// Conversions that keep the credential's value.
    static let valueMethods: Set<String> = [
        "toString", "trim", "strip", "decode", "encode", "toUpperCase", "toLowerCase", "lower", "upper", "value",
        "description", "rawValue", "string", "String", "get", "unwrap", "orEmpty", "toCharArray", "getBytes",
    ]

    /// Before lexing: a logging word near some keyword hit (common keywords such as `token` and
    /// `header` occur in many files that log nothing).
    func wantsFile(_ context: FileContext, _ rule: RuleDefinition) -> Bool {
        switch context.file.language {
        case .cLike, .python, .shell: break
        // Ruby's `p x` / `pp(x)` log under names too short for a byte test.
        case .ruby: return true
        default: return false
        }
        let bytes = context.file.bytes
        var covered = 0
        for hit in context.hits(for: rule) {
            let from = max(covered, hit.start - 400), to = min(bytes.count, hit.end + 600)
            if from < to && Self.hasLoggingWord(bytes, from, to) { return true }
            covered = max(covered, to)
        }
        return false
    }

    /// Every logging callee `LoggingCalls` recognises contains one of these, ASCII case folded
    /// (`LoggingGateTests` holds the tables to it): `log`, `print`, `echo`, `write` (PowerShell's
    /// `Write-Host`), the receivers without `log` in their name (`zap`, `pino`, ...), Rust's bare
    /// macros (`error!`, `dbg!`); chained calls on a `With…(…)` are `startsLoggerMaker`'s.
    static let gateWords: [String] = [
        "log", "print", "echo", "puts", "dump", "console", "write", "info", "debug", "warn", "timber", "alert",
        "var_export", "trace", "error!", "dbg!", "zap", "sugar", "winston", "pino", "bunyan",
    ]
    /// The gate words, then `with` at the start of a name (checked further where found).
    private static let gate = WordMatcher(
        gateWords.map { WordMatcher.Word($0) } + [WordMatcher.Word("with", atWordStart: true)])
    private static let withWord = gateWords.count

    static func hasLoggingWord(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            gate.firstMatch(in: buffer, from: from, to: to) { match in
                match.word != withWord || startsLoggerMaker(at: match.start, in: buffer)
            }
        }
    }

    /// `isChainedLogging` takes `X(…).level(…)` where the name `X` starts with `With` or `with`
    /// (case as written: `log.WithField(…).Error(…)`, `with(ctx).error(…)`): such a name, then its
    /// `(` after spaces (or a comment). `withCredentials:`, `startsWith(`, `with open(` are not.
    static func startsLoggerMaker(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes[start] == UInt8(ascii: "w") || bytes[start] == UInt8(ascii: "W"),
            bytes[start + 1] == UInt8(ascii: "i"), bytes[start + 2] == UInt8(ascii: "t"),
            bytes[start + 3] == UInt8(ascii: "h")
        else { return false }
        var i = start + 4
        while i < bytes.count && ASCII.isIdentifierByte(bytes[i]) { i += 1 }
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) {
            i += 1
        }
        guard i < bytes.count else { return false }
        switch bytes[i] {
        case UInt8(ascii: "("), UInt8(ascii: "/"), UInt8(ascii: "#"), UInt8(ascii: "\\"): return true
        default: return false
        }
    }

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        let facts = context.facts
        let logging = facts.loggingCalls
        guard !logging.isEmpty else { return }
        let sources = CredentialSources(facts)
        var reportedArguments: [Range<Int>] = []
        for call in logging where !writesToFile(call, facts) {
            // `error_log(print_r($headers, true))`: the outer call's finding covers the inner one.
            if reportedArguments.contains(where: { $0.contains(call.calleeStart) }) { continue }
            for argument in call.arguments {
                let tainted: (String, Int) -> String? = { name, _ in
                    sources.reason(for: name, usedAt: call.calleeStart)
                        ?? sources.useReason(for: name, at: call.calleeStart)
                }
                if let reason = leak(in: argument, facts, tainted),
                    !Self.isErrorBranch(logging: argument, at: call.calleeStart, facts)
                {
                    let range = facts.tokens[argument.lowerBound].start..<facts.tokens[argument.upperBound - 1].end
                    matches.add(
                        range: range, message: rule.message("passed", ["reason": reason, "callee": call.callee]))
                    reportedArguments.append(argument)
                    break
                }
            }
        }
    }

    /// Python `print(x, file=f)` writes a file, not a log (unless `f` is a standard stream).
    private func writesToFile(_ call: Call, _ facts: FileFacts) -> Bool {
        guard call.callee == "print", facts.file.language == .python else { return false }
        for argument in call.arguments where argument.count >= 3 && facts.text(argument.lowerBound) == "file" {
            let target = argument.dropFirst(2).map { facts.text($0) }.joined()
            return !target.hasPrefix("sys.std")
        }
        return false
    }
}
