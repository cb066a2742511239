import Config
import Discovery
import Engine
import Foundation
import Glibc
import LSP
import Model
import Reporting
import Rules
import Session
import Support
import Suppression

/// `authlint install-hook [--pre-push] [--force]`: a pre-commit hook running
/// `authlint scan --staged`, or a pre-push hook scanning the history being pushed, written
/// where git looks for hooks (honours core.hooksPath and linked worktrees).
/// The hook runs this very binary by its absolute path (from /proc/self/exe), never a name
/// looked up at commit time: a GUI git client's PATH may lack authlint, and a fallback to a
/// path in the work tree ran a committed file named `authlint`. A missing binary blocks the
/// commit with a message instead of letting it through.
enum InstallHookCommand {
    static let marker = "# installed by `authlint install-hook`"

    static func script(binary: String) -> String {
        let quoted = "'" + binary.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return """
            #!/bin/sh
            \(marker): blocks commits that add credentials.
            # Bypass once with `git commit --no-verify`; silence a finding with `authlint:ignore RULE`.
            # Runs the authlint that installed it; after moving authlint, run `authlint install-hook` again.
            authlint=\(quoted)
            if [ ! -x "$authlint" ]; then
              echo "authlint pre-commit hook: $authlint is missing or not executable; commit blocked (reinstall with authlint install-hook, or bypass once with git commit --no-verify)" >&2
              exit 1
            fi
            exec "$authlint" scan --staged

            """
    }

    /// The pre-push hook: git hands it `<local ref> <local sha> <remote ref> <remote sha>` per
    /// ref on stdin. It scans exactly the commits being pushed: `remote..local` when the remote
    /// had the ref (and we have its commit), else what no remote-tracking ref already holds;
    /// a deleted ref has nothing to scan. Any finding at `--fail-on` or error blocks the push.
    static func prePushScript(binary: String) -> String {
        let quoted = "'" + binary.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return """
            #!/bin/sh
            \(marker) --pre-push: blocks pushes whose commits add credentials.
            # Bypass once with `git push --no-verify`; silence a finding with `authlint:ignore RULE`.
            # Runs the authlint that installed it; after moving authlint, run `authlint install-hook --pre-push` again.
            authlint=\(quoted)
            if [ ! -x "$authlint" ]; then
              echo "authlint pre-push hook: $authlint is missing or not executable; push blocked (reinstall with authlint install-hook --pre-push, or bypass once with git push --no-verify)" >&2
              exit 1
            fi
            status=0
            while read -r local_ref local_sha remote_ref remote_sha; do
              case "$local_sha" in *[!0]*) ;; *) continue ;; esac
              case "$remote_sha" in
                *[!0]*) git cat-file -e "$remote_sha^{commit}" 2>/dev/null || remote_sha=0 ;;
              esac
              case "$remote_sha" in
                *[!0]*) "$authlint" scan --history "$remote_sha..$local_sha" </dev/null || status=1 ;;
                *) "$authlint" scan --history -- "$local_sha" --not --remotes </dev/null || status=1 ;;
              esac
            done
            exit $status

            """
    }

    static func run(_ args: [String], console: inout Console) throws -> Int32 {
        let options = try FlagTable.parser(for: "install-hook").parse(args)
        guard options.positional.isEmpty else { throw UsageError("`install-hook` takes no arguments") }
        let cwd = PathSyntax.currentDirectory()
        guard let binary = runningBinary() else {
            console.err("authlint: cannot find the running authlint binary (/proc/self/exe); hook not installed\n")
            return 2
        }
        // A binary inside the work tree could be replaced by a checkout: the hook would then run
        // whatever a commit put there.
        let root = PathSyntax.resolved(try Git.topLevel(cwd: cwd))
        if binary == root || binary.hasPrefix(root == "/" ? "/" : root + "/") {
            console.err(
                "authlint: \(binary) lies inside the work tree \(root); install authlint outside it (e.g. ~/.local/bin) and run install-hook from there\n"
            )
            return 2
        }
        let hooksDir = try Git.line(["rev-parse", "--git-path", "hooks"], cwd: cwd, keepHooksPath: true)
        let hooksPath = hooksDir.hasPrefix("/") ? hooksDir : PathSyntax.join(cwd, hooksDir)
        try FileManager.default.createDirectory(atPath: hooksPath, withIntermediateDirectories: true)
        let prePush = options.has("--pre-push")
        let name = prePush ? "pre-push" : "pre-commit"
        let hook = hooksPath + "/" + name
        let content = prePush ? prePushScript(binary: binary) : script(binary: binary)
        if let existing = try? String(contentsOfFile: hook, encoding: .utf8) {
            if existing == content {
                console.out("\(name) hook already installed at \(hook)\n")
                return 0
            }
            if !existing.contains(marker) && !options.has("--force") {
                console.err(
                    "authlint: \(hook) exists and was not written by authlint; not replacing it (use --force)\n")
                return 2
            }
        }
        try AtomicFile.write(Array(content.utf8), to: hook, mode: 0o755)
        console.out("installed \(name) hook at \(hook)\n")
        return 0
    }

    /// The executable of this process, absolute and with symlinks resolved.
    static func runningBinary() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.hasPrefix("/") && !path.hasSuffix(" (deleted)") ? path : nil
    }
}
