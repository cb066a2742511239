import Engine
import Facts
import Foundation
import Model
import Prefilter
import Support

/// `kubernetes-secret-manifest`: a Kubernetes `Secret` manifest with real values committed:
/// `data:` values are base64, so they are decoded and judged; `stringData:` values as written.
struct KubernetesSecretManifestRule: StructuralRule {
    let messageFields: [String: Set<String>] = ["realValue": ["name", "section"]]

    func find(_ context: FileContext, _ rule: RuleDefinition, _ matches: inout [RuleMatch]) {
        switch context.file.language {
        case .yaml, .markdown: checkYAML(&matches, context, rule)
        case .json: checkJSON(&matches, context, rule)
        default: return
        }
    }

    /// `{"kind": "Secret", "data": {"k": "base64"}, "stringData": {...}}` (kubectl -o json, generated manifests).
    private func checkJSON(_ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition) {
        let facts = context.facts
        let bindings = facts.bindings
        guard
            bindings.contains(where: {
                facts.equals($0.nameText, "kind") && facts.equalsIgnoringCase($0.valueText, "secret")
            })
        else { return }
        for section in bindings
        where (facts.equals(section.nameText, "data") || facts.equals(section.nameText, "stringData"))
            && facts.isPunct(section.valueToken, "{")
        {
            let close = facts.tokens[section.valueToken].pairIndex
            guard close > section.valueToken else { continue }
            for binding in bindings where binding.nameToken > section.valueToken && binding.nameToken < close {
                judge(&matches, binding, section: facts.string(section.nameText), context, rule)
            }
        }
    }

    /// Reports one entry of `data` (base64, decoded first) or `stringData` when it holds a real value.
    private func judge(
        _ matches: inout [RuleMatch], _ binding: Binding, section: String, _ context: FileContext,
        _ rule: RuleDefinition
    ) {
        guard binding.valueKind == .literal else { return }
        let name = context.facts.string(binding.nameText)
        var content = context.facts.string(binding.valueText)
        if section == "data" {
            // A block scalar (`.dockercfg: |`) keeps its line breaks and indentation; base64 ignores them.
            let encoded = content.filter { !$0.isWhitespace }
            guard let bytes = Base64.decode(encoded), let decoded = String(validating: bytes, as: UTF8.self)
            else { return }
            content = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
            // A registry config is JSON: judge the credential inside it (none: nothing to report).
            if name == ".dockercfg" || name == ".dockerconfigjson" {
                guard let credential = Self.registryCredential(in: content) else { return }
                content = credential
            }
        }
        guard LiteralSecretShape.isPlausibleLiteral(content, name: name), content.count >= 6 else { return }
        let range = context.facts.contentRange(of: binding.valueToken)
        matches.add(
            range: range, secret: range,
            message: rule.message("realValue", ["name": name, "section": section]))
    }

    /// The first `auth`, `password` or `identitytoken` string of a registry config's JSON
    /// (`{"auths": {"registry": {"auth": "dXNlcjpwYXNz"}}}`); nil when the text is no such JSON.
    static func registryCredential(in text: String) -> String? {
        guard text.hasPrefix("{"), let root = try? JSONNode.parse(Array(text.utf8), allowComments: false) else {
            return nil
        }
        func search(_ node: JSONNode) -> String? {
            switch node.value {
            case .object(let members):
                for member in members {
                    if ["auth", "password", "identitytoken"].contains(member.key.lowercased()),
                        let value = member.node.stringValue, !value.isEmpty
                    {
                        return value
                    }
                    if let found = search(member.node) { return found }
                }
            case .array(let items):
                for item in items { if let found = search(item) { return found } }
            default: break
            }
            return nil
        }
        return search(root)
    }

    /// Keys only a manifest's top level has: `kind`, `metadata`, `data`, `stringData` (`apiVersion`
    /// is left out: a pasted manifest often keeps it at column 1 with the rest indented). Compared
    /// as bytes: every binding of a YAML file is asked.
    private static func isManifestKey(_ name: FactText, _ facts: FileFacts) -> Bool {
        facts.equals(name, "kind") || facts.equals(name, "metadata") || facts.equals(name, "data")
            || facts.equals(name, "stringData")
    }

    /// YAML manifests (also inside Markdown fences), multi-document streams included.
    private func checkYAML(_ matches: inout [RuleMatch], _ context: FileContext, _ rule: RuleDefinition) {
        let facts = context.facts
        let bindings = facts.bindings
        // Documents of a multi-document stream, by the byte offset where each starts.
        let documentStarts =
            [0]
            + context.file.lineStarts.filter { start in
                let bytes = context.file.bytes
                return start + 3 <= bytes.count && bytes[start] == 0x2D && bytes[start + 1] == 0x2D
                    && bytes[start + 2] == 0x2D
            }
        func document(of offset: Int) -> Int { documentStarts.lastIndex { $0 <= offset } ?? 0 }
        func indent(_ tokenIndex: Int) -> Int { context.file.position(at: facts.tokens[tokenIndex].start).column }

        // A document's top level is the column of its leftmost manifest key: 1, or more when a
        // manifest was pasted indented (` kind: secret` under `apiVersion: v1`). Nested `kind`
        // keys (`subjects: - kind: …`) sit right of it.
        var topColumn: [Int: Int] = [:]
        for binding in bindings where Self.isManifestKey(binding.nameText, facts) {
            let doc = document(of: facts.tokens[binding.nameToken].start)
            topColumn[doc] = min(topColumn[doc] ?? .max, indent(binding.nameToken))
        }
        func isTopLevel(_ binding: Binding) -> Bool {
            topColumn[document(of: facts.tokens[binding.nameToken].start)] == indent(binding.nameToken)
        }
        let secretDocuments = Set(
            bindings.filter {
                facts.equals($0.nameText, "kind") && facts.equalsIgnoringCase($0.valueText, "secret") && isTopLevel($0)
            }
            .map { document(of: facts.tokens[$0.nameToken].start) })
        guard !secretDocuments.isEmpty else { return }
        var section: (name: String, indent: Int, document: Int)?
        for binding in bindings {
            let offset = facts.tokens[binding.nameToken].start
            let column = indent(binding.nameToken)
            if (facts.equals(binding.nameText, "data") || facts.equals(binding.nameText, "stringData"))
                && isTopLevel(binding)
            {
                section = (facts.string(binding.nameText), column, document(of: offset))
                continue
            }
            guard let current = section, column > current.indent, document(of: offset) == current.document,
                secretDocuments.contains(current.document)
            else { section = column <= (section?.indent ?? 0) ? nil : section; continue }
            judge(&matches, binding, section: current.name, context, rule)
        }
    }
}
