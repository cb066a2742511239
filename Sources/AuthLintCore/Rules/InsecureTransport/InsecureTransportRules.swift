/// Helpers shared by the insecure-transport rules.
public enum InsecureTransportRules {

    /// The file's `http://` URL uses that count: test code is full of URLs that are data (parser
    /// inputs, fixtures, fake servers), so there only those naming the product API's domain.
    static func httpURLUses(_ context: FileContext, apiHosts: [String]) -> [URLUse] {
        let uses = context.facts.httpURLUses
        guard isTestPath(context.file.path) else { return uses }
        let domains = apiHosts.map { host -> String in
            let labels = host.lowercased().split(separator: ".").filter { $0 != "*" }
            return labels.dropFirst(labels.count > 2 ? 1 : 0).joined(separator: ".")
        }
        return uses.filter { use in domains.contains { use.host == $0 || use.host.hasSuffix("." + $0) } }
    }

    static func isTestPath(_ path: String) -> Bool {
        let lower = path.lowercased()
        let parts = lower.split(separator: "/")
        if parts.dropLast().contains(where: { ["test", "tests", "testing", "spec", "specs", "__tests__", "e2e", "testdata", "fixtures"].contains($0) }) { return true }
        let name = parts.last.map(String.init) ?? lower
        return name.hasPrefix("test_") || name.hasSuffix("_test.go") || name.hasSuffix("_test.py") || name.contains(".test.")
            || name.contains(".spec.") || name.hasSuffix("tests.swift") || name.hasSuffix("test.java") || name.hasSuffix("test.kt")
            || name == "conftest.py"
    }

    /// Indices of the non-comment tokens that contain one of the rule's keyword hits, in order.
    /// Rules look only at these instead of turning every token of a file into a String: the
    /// keywords are chosen so that every option or type name a rule reacts to contains one.
    static func hitTokens(_ context: FileContext, _ rule: RuleDefinition) -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for hit in context.hits(for: rule) {
            guard let index = context.tokenIndex(containing: hit.start), context.tokens[index].kind != .comment,
                  seen.insert(index).inserted else { continue }
            result.append(index)
        }
        return result.sorted()
    }

    /// Lower-cased host of an `http://` / `https://` URL (nil for other text or a templated host).
    static func urlHost(_ text: String) -> String? {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = lower.dropFirst(8) } else if lower.hasPrefix("http://") { rest = lower.dropFirst(7) } else { return nil }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var host = String(authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "")
        if host.hasPrefix("[") { host = String(host.prefix { $0 != "]" }) + "]" } else { host = String(host.prefix { $0 != ":" }) }
        guard !host.isEmpty, !host.contains(where: { "${}%<>()\\".contains($0) }) else { return nil }
        return host
    }
}
