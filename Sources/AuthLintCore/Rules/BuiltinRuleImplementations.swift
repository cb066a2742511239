extension ScanEngine {
    /// An engine running `rules` with the built-in Swift-coded rules (generated from `rules/*.json`).
    public convenience init(rules: [RuleDefinition], settings: ScanSettings) throws {
        try RuleImplementations.builtin.checkMessages(of: rules)
        try self.init(rules: rules, settings: settings, implementations: .builtin)
    }
}
