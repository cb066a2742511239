/// `hardcoded-secret`: a secret-looking literal bound to a credential-named variable, key,
/// header, config entry or command-line flag. The name is the only evidence, so the value
/// must pass `LiteralSecretShape.looksLikeSecret`; more specific rules (provider formats,
/// appkey, Basic, Bearer) take precedence on the same value (see `FallbackRules`).
struct GenericCredentialRule: StructuralRule {
    let id = "hardcoded-secret"

    static func isCredentialFlag(_ named: NamedValue) -> Bool {
        guard named.via == .commandFlag else { return false }
        let words = CredentialNames.words(named.name)
        return words.last == "token" || words.last == "key" && words.count >= 2
    }

    func check(_ context: FileContext, _ rule: RuleDefinition) {
        for named in context.facts.namedValues where named.valueKind == .literal {
            guard CredentialNames.isCredentialName(named.name) || Self.isCredentialFlag(named) else { continue }
            let lower = named.value.lowercased()
            if lower.hasPrefix("basic ") || lower.hasPrefix("bearer ") || lower.hasPrefix("token ") { continue }  // Basic/Bearer rules
            guard LiteralSecretShape.looksLikeSecret(named.value, name: named.name) else { continue }
            context.report(rule, range: named.valueRange, secret: named.valueRange,
                           message: "secret-looking literal assigned to \(named.name): load it from the environment or a secret manager")
        }
    }
}

/// Which rule speaks when several credential rules report the same value: a provider format
/// (most specific) over the shape rules (appkey, Basic, Bearer, URL userinfo) over the generic
/// name-based rule. Lower-ranked findings overlapping a higher-ranked one are dropped.
enum FallbackRules {
    static let ranks: [String: Int] = [
        "hardcoded-secret": 0,
        "hardcoded-bearer-token": 1, "hardcoded-basic-auth": 1, "credentials-in-url": 1, "hardcoded-appkey": 1,
    ]

    static func rank(_ finding: RawFinding) -> Int { ranks[finding.rule.id] ?? 2 }

    static func preferSpecific(_ findings: [RawFinding]) -> [RawFinding] {
        guard findings.contains(where: { ranks[$0.rule.id] != nil }) else { return findings }
        let credentialFindings = findings.filter { $0.rule.category == .hardcodedCredential }
        return findings.filter { finding in
            guard finding.rule.category == .hardcodedCredential else { return true }
            let range = finding.secret ?? finding.range
            let myRank = rank(finding)
            return !credentialFindings.contains { other in
                guard rank(other) > myRank else { return false }
                let otherRange = other.secret ?? other.range
                return otherRange.overlaps(range) || otherRange.lowerBound == range.lowerBound
            }
        }
    }
}
