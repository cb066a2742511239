import Discovery
import Facts
import Foundation
import Lexing
import Model
import Prefilter
import Support
import Suppression

/// Parses and validates rule files: unknown keys, wrong types, bad regexes and structural ids
/// without Swift code are all errors that name the file and position, never silent skips.
public enum RuleLoader {
    static let knownKeys: Set<String> = [
        "id", "category", "severity", "engine", "summary", "description", "fix", "keywords", "pattern",
        "secretGroup", "minEntropy", "placeholderCheck", "skipComments", "validator", "files",
        "excludeFiles", "allowlist", "message", "examples", "multiline", "caseSensitiveKeywords",
        "windowReach", "secretless",
        "precedence", "severityIn", "apiHosts", "messages",
    ]

    public static func parse(bytes: [UInt8], source: String, checkExpressions: Bool = true) throws(RuleFileError)
        -> RuleDefinition
    {
        let root: JSONNode
        do {
            root = try JSONNode.parse(bytes, allowComments: false)
        } catch {
            throw RuleFileError(file: source, line: error.line, column: error.column, problem: error.message)
        }
        func fail(_ node: JSONNode, _ problem: String) -> RuleFileError {
            RuleFileError(file: source, line: node.line, column: node.column, problem: problem)
        }
        guard case .object(let members) = root.value else { throw fail(root, "a rule file must hold one JSON object") }
        for member in members where !knownKeys.contains(member.key) {
            throw fail(member.node, "unknown key '\(member.key)'")
        }
        func node(_ key: String) -> JSONNode? { members.first { $0.key == key }?.node }
        func string(_ key: String, required: Bool = true) throws(RuleFileError) -> String? {
            guard let n = node(key) else {
                if required { throw fail(root, "missing required key '\(key)'") }
                return nil
            }
            guard case .string(let s) = n.value else { throw fail(n, "'\(key)' must be a string") }
            if required && s.isEmpty { throw fail(n, "'\(key)' must not be empty") }
            return s
        }
        func strings(_ key: String) throws(RuleFileError) -> [String] {
            guard let n = node(key) else { return [] }
            guard case .array(let items) = n.value else { throw fail(n, "'\(key)' must be an array of strings") }
            var result: [String] = []
            for item in items {
                guard case .string(let s) = item.value, !s.isEmpty else {
                    throw fail(item, "'\(key)' must hold non-empty strings")
                }
                result.append(s)
            }
            return result
        }
        func bool(_ key: String, default value: Bool) throws(RuleFileError) -> Bool {
            guard let n = node(key) else { return value }
            guard case .bool(let b) = n.value else { throw fail(n, "'\(key)' must be true or false") }
            return b
        }
        func number(_ key: String) throws(RuleFileError) -> Double? {
            guard let n = node(key) else { return nil }
            guard case .number(let d) = n.value else { throw fail(n, "'\(key)' must be a number") }
            return d
        }

        let id = try string("id")!
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }), id.first?.isLetter == true
        else {
            throw fail(node("id")!, "rule id '\(ConfigError.echo(id))' must be lower-case words joined by '-'")
        }
        let expectedName = id + ".json"
        if !source.hasSuffix("/" + expectedName) && source != expectedName {
            throw fail(
                node("id")!,
                "rule id '\(ConfigError.echo(id))' does not match its file name (a rule file is named after its id)")
        }
        let categoryText = try string("category")!
        guard let category = RuleCategory(rawValue: categoryText) else {
            throw fail(
                node("category")!,
                "unknown category '\(ConfigError.echo(categoryText))' (expected one of \(RuleCategory.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        let severityText = try string("severity")!
        guard let severity = Severity(rawValue: severityText) else {
            throw fail(
                node("severity")!,
                "unknown severity '\(ConfigError.echo(severityText))' (expected error, warning or note)")
        }
        let engineText = try string("engine")!
        guard let engine = RuleDefinition.Engine(rawValue: engineText) else {
            throw fail(
                node("engine")!,
                "unknown engine '\(ConfigError.echo(engineText))' (expected pattern, structural, project or builtin)")
        }
        let pattern = try string("pattern", required: false)
        // Whole numbers only, range-checked before any conversion (`Int(1e19)` traps).
        var secretGroup: Int?
        if let groupNode = node("secretGroup") {
            guard let n = groupNode.wholeNumber(in: 0...1000) else {
                throw fail(groupNode, "'secretGroup' must be a whole number from 0 to 1000")
            }
            secretGroup = n
        }
        if engine == .pattern {
            guard let pattern, let patternNode = node("pattern") else {
                throw fail(root, "a pattern rule needs 'pattern'")
            }
            if checkExpressions {
                do {
                    let regex = try NSRegularExpression(pattern: pattern)
                    if let secretGroup, secretGroup < 0 || secretGroup > regex.numberOfCaptureGroups {
                        throw fail(
                            node("secretGroup")!,
                            "'secretGroup' \(secretGroup) but the pattern has \(regex.numberOfCaptureGroups) groups")
                    }
                } catch let error as RuleFileError {
                    throw error
                } catch {
                    throw fail(
                        patternNode, "invalid regular expression: \(describeRegexError(error, pattern: pattern))")
                }
            }
            if try strings("keywords").isEmpty {
                throw fail(root, "a pattern rule needs at least one keyword (the prefilter runs it only near them)")
            }
        } else if pattern != nil {
            throw fail(node("pattern")!, "a \(engine.rawValue) rule has no 'pattern' (its logic is Swift code)")
        }
        for item in try strings("allowlist") where checkExpressions {
            if (try? NSRegularExpression(pattern: item)) == nil {
                throw fail(node("allowlist")!, "invalid regular expression in allowlist: \(item)")
            }
        }
        let validator = try string("validator", required: false)
        if let validator, SecretValidators.named(validator) == nil {
            throw fail(
                node("validator")!,
                "unknown validator '\(ConfigError.echo(validator))' (known: \(SecretValidators.names.joined(separator: ", ")))"
            )
        }

        var fire: [RuleDefinition.Example] = []
        var pass: [RuleDefinition.Example] = []
        if let examples = node("examples") {
            guard case .object(let groups) = examples.value else {
                throw fail(examples, "'examples' must be an object with 'fire' and 'pass'")
            }
            for group in groups {
                guard group.key == "fire" || group.key == "pass" else {
                    throw fail(group.node, "unknown key '\(group.key)' in examples")
                }
                guard case .array(let items) = group.node.value else {
                    throw fail(group.node, "'\(group.key)' must be an array")
                }
                for item in items {
                    guard case .object(let fields) = item.value,
                        let fileNode = fields.first(where: { $0.key == "file" })?.node,
                        case .string(let file) = fileNode.value,
                        let codeNode = fields.first(where: { $0.key == "code" })?.node,
                        case .string(let code) = codeNode.value
                    else { throw fail(item, "an example is {\"file\": \"name.ext\", \"code\": \"...\"}") }
                    var example = RuleDefinition.Example(file: file, code: code)
                    // A fire example says where its finding starts (`at`, `occurrence`) and how many it gives (`count`).
                    for field in fields where field.key != "file" && field.key != "code" {
                        switch (group.key, field.key, field.node.value) {
                        case ("fire", "at", .string(let at)) where !at.isEmpty && code.contains(at): example.at = at
                        case ("fire", "occurrence", _) where field.node.wholeNumber(in: 1...100) != nil:
                            example.occurrence = field.node.wholeNumber(in: 1...100)!
                        case ("fire", "count", _) where field.node.wholeNumber(in: 1...100) != nil:
                            example.count = field.node.wholeNumber(in: 1...100)!
                        default:
                            throw fail(
                                field.node,
                                "'\(field.key)' in a \(group.key) example: a fire example may add \"at\" (text of the example where its finding starts), \"occurrence\" (which one of that text, from 1) and \"count\" (findings, 1 to 100)"
                            )
                        }
                    }
                    if group.key == "fire" { fire.append(example) } else { pass.append(example) }
                }
            }
        }

        var windowReach: Int?
        if let reachNode = node("windowReach") {
            guard let n = reachNode.wholeNumber(in: 16...65536) else {
                throw fail(reachNode, "'windowReach' must be a whole number of bytes from 16 to 65536")
            }
            windowReach = n
        }

        // `secretless`: the match is a fact, not a secret (an ATS flag, a logger name), so the
        // pattern's group is not masked. The engine still scrubs every credential span of the
        // line, so the flag can only spare the rule's own group, never unmask a secret; and a
        // hardcoded-credential rule's match is a secret by definition.
        let secretless = try bool("secretless", default: false)
        if secretless && (category == .hardcodedCredential || engine != .pattern) {
            throw fail(
                node("secretless")!,
                "'secretless' is for pattern rules whose match holds no secret (not \(engine == .pattern ? "hardcoded-credential rules" : "structural rules"))"
            )
        }
        var rule = RuleDefinition(
            id: id, category: category, severity: severity, engine: engine,
            summary: try string("summary")!, description: try string("description")!, fix: try string("fix")!,
            keywords: try strings("keywords"), caseSensitiveKeywords: try bool("caseSensitiveKeywords", default: false),
            pattern: pattern, secretGroup: secretGroup,
            minEntropy: try number("minEntropy") ?? 0,
            placeholderCheck: try bool("placeholderCheck", default: true),
            skipComments: try bool("skipComments", default: false),
            multiline: try bool("multiline", default: false),
            windowReach: windowReach,
            validator: validator, files: try strings("files"), excludeFiles: try strings("excludeFiles"),
            allowlist: try strings("allowlist"), message: try string("message", required: false),
            fireExamples: fire, passExamples: pass, source: source)
        rule.secretless = secretless
        rule.apiHosts = try strings("apiHosts")
        if let messagesNode = node("messages") {
            guard engine == .structural || engine == .project else {
                throw fail(
                    messagesNode, "'messages' is for structural and project rules (their code fills the {placeholders})"
                )
            }
            guard case .object(let variants) = messagesNode.value else {
                throw fail(messagesNode, "'messages' must be an object of named message texts")
            }
            for variant in variants {
                guard case .string(let text) = variant.node.value, !text.isEmpty,
                    let template = MessageTemplate(text, line: variant.node.line, column: variant.node.column)
                else {
                    throw fail(
                        variant.node,
                        "message '\(ConfigError.echo(variant.key))' must be non-empty text whose '{' opens a {placeholder}"
                    )
                }
                rule.messages[variant.key] = template
            }
        }
        if let precedenceNode = node("precedence") {
            let names = CredentialPrecedence.Level.allCases.map { "\($0)" }.joined(separator: ", ")
            guard case .string(let name) = precedenceNode.value, let level = CredentialPrecedence.Level(name: name)
            else {
                throw fail(precedenceNode, "'precedence' must be one of \(names)")
            }
            guard category == .hardcodedCredential else {
                throw fail(precedenceNode, "'precedence' ranks hardcoded-credential rules only")
            }
            rule.precedence = level
        }
        if let rolesNode = node("severityIn") {
            guard case .object(let roles) = rolesNode.value else {
                throw fail(rolesNode, "'severityIn' must be an object such as {\"test\": \"warning\"}")
            }
            for role in roles {
                guard let name = RuleDefinition.FileRoleName(rawValue: role.key) else {
                    throw fail(
                        role.node,
                        "unknown file role '\(ConfigError.echo(role.key))' in 'severityIn' (known: \(RuleDefinition.FileRoleName.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                guard case .string(let text) = role.node.value, let cap = Severity(rawValue: text) else {
                    throw fail(role.node, "'severityIn.\(role.key)' must be error, warning or note")
                }
                rule.severityIn[name] = cap
            }
        }
        return rule
    }

    private static func describeRegexError(_ error: Error, pattern: String) -> String {
        let ns = error as NSError
        if let offset = ns.userInfo["NSInvalidValue"] { return "\(offset)" }
        return "the pattern does not compile (\(ns.localizedDescription))"
    }
}
