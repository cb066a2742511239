/// The insecure-transport family's Swift-coded rules.
public enum InsecureTransportRules {
    static let structural: [any StructuralRule] = [InsecureHTTPURLRule()]
}
