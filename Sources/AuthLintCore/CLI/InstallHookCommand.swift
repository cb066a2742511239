import Foundation

/// `authlint install-hook [--force]`: a pre-commit hook running `authlint scan --staged`,
/// written where git looks for hooks (honours core.hooksPath and linked worktrees).
enum InstallHookCommand {
    static let marker = "# installed by `authlint install-hook`"

    static func script(binary: String) -> String {
        """
        #!/bin/sh
        \(marker): blocks commits that add credentials.
        # Bypass once with `git commit --no-verify`; silence a finding with `authlint:ignore RULE`.
        if command -v authlint >/dev/null 2>&1; then exec authlint scan --staged; fi
        exec '\(binary.replacingOccurrences(of: "'", with: "'\\''"))' scan --staged

        """
    }

    static func run(_ args: [String], console: inout Console) throws -> Int32 {
        let options = try ArgumentParser([.init(name: "--force", takesValue: false)]).parse(args)
        guard options.positional.isEmpty else { throw UsageError("`install-hook` takes no arguments") }
        let cwd = FileManager.default.currentDirectoryPath
        let hooksDir = try GitIndex.git(["rev-parse", "--git-path", "hooks"], cwd: cwd).trimmingCharacters(in: .newlines)
        let hooksPath = hooksDir.hasPrefix("/") ? hooksDir : PathSyntax.join(cwd, hooksDir)
        try FileManager.default.createDirectory(atPath: hooksPath, withIntermediateDirectories: true)
        let hook = hooksPath + "/pre-commit"
        let binary = URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: cwd)).standardizedFileURL.path
        let content = script(binary: binary)
        if let existing = try? String(contentsOfFile: hook, encoding: .utf8) {
            if existing == content {
                console.out("pre-commit hook already installed at \(hook)\n")
                return 0
            }
            if !existing.contains(marker) && !options.has("--force") {
                console.err("authlint: \(hook) exists and was not written by authlint; not replacing it (use --force)\n")
                return 2
            }
        }
        try AtomicFile.write(Array(content.utf8), to: hook, mode: 0o755)
        console.out("installed pre-commit hook at \(hook)\n")
        return 0
    }
}
