import Support

/// The tool itself: its version (reports, SARIF, the language server) and where rule docs live.
public enum AuthLint {
    public static let version = "0.1.0"
    public static let helpBaseURL = "https://github.com/authlint/authlint/blob/main/rules/"
}
