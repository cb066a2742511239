public enum CommandLineInterface {
    public static func run(_ args: [String]) -> Int32 { 0 }
}
public let embeddedRuleCount = embeddedRuleFiles.count
