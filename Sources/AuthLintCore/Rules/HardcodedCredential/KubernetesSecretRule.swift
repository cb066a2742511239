import Foundation

/// `kubernetes-secret-manifest`: a Kubernetes `Secret` manifest with real values committed:
/// `data:` values are base64, so they are decoded and judged; `stringData:` values as written.
struct KubernetesSecretRule: StructuralRule {
    let id = "kubernetes-secret-manifest"

    func check(_ context: FileContext, _ rule: RuleDefinition) {
        guard context.file.language == .yaml else { return }
        let facts = context.facts
        let bindings = facts.bindings
        // Documents of a multi-document stream, by the byte offset where each starts.
        let documentStarts = [0] + context.file.lineStarts.filter { start in
            let bytes = context.file.bytes
            return start + 3 <= bytes.count && bytes[start] == 0x2D && bytes[start + 1] == 0x2D && bytes[start + 2] == 0x2D
        }
        func document(of offset: Int) -> Int { documentStarts.lastIndex { $0 <= offset } ?? 0 }
        func indent(_ tokenIndex: Int) -> Int { context.file.position(at: facts.tokens[tokenIndex].start).column }

        let secretDocuments = Set(bindings.filter { $0.name == "kind" && $0.value == "Secret" && indent($0.nameToken) == 1 }
            .map { document(of: facts.tokens[$0.nameToken].start) })
        guard !secretDocuments.isEmpty else { return }
        var section: (name: String, indent: Int, document: Int)?
        for binding in bindings {
            let offset = facts.tokens[binding.nameToken].start
            let column = indent(binding.nameToken)
            if (binding.name == "data" || binding.name == "stringData") && column == 1 {
                section = (binding.name, column, document(of: offset))
                continue
            }
            guard let current = section, column > current.indent, document(of: offset) == current.document,
                  secretDocuments.contains(current.document) else { section = column <= (section?.indent ?? 0) ? nil : section; continue }
            guard binding.valueKind == .literal else { continue }
            var content = binding.value
            if current.name == "data" {
                guard let bytes = Base64.decode(binding.value), let decoded = String(validating: bytes, as: UTF8.self) else { continue }
                content = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard LiteralSecretShape.isPlausibleLiteral(content, name: binding.name), content.count >= 6 else { continue }
            let range = facts.contentRange(of: binding.valueToken)
            context.report(rule, range: range, secret: range,
                           message: "Kubernetes Secret '\(binding.name)' has a real value in \(current.name) (base64 is an encoding, not encryption): keep the manifest out of git and use Sealed Secrets, SOPS or an external secret store")
        }
    }
}
