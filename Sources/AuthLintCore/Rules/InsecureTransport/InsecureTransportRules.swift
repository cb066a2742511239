/// The insecure-transport family's Swift-coded rules.
public enum InsecureTransportRules {
    static let structural: [any StructuralRule] = [
        InsecureHTTPURLRule(), TLSVerificationDisabledRule(), TrustAllCertificatesRule(),
        CredentialsOverHTTPRule(),
    ]

    /// Test code switches TLS checks off against self-signed local servers on purpose: there a
    /// finding is a warning (still worth a look: test helpers get copied into clients), elsewhere
    /// the rule's own severity.
    static func severity(_ rule: RuleDefinition, for path: String) -> Severity {
        isTestPath(path) && rule.severity == .error ? .warning : rule.severity
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
}
