import Config
import Discovery
import Engine
import Foundation
import LSP
import Model
import Reporting
import Rules
import Session
import Support
import Suppression

/// The `authlint` command: subcommands and flags only; all work happens in the engine.
public enum CommandLineInterface {
    /// `--help`: the README's usage block (a test holds the two equal), then the exit codes.
    static let usage =
        "usage:\n" + FlagTable.usageLines().joined(separator: "\n") + """

            exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config, rule or I/O error
            """

    public static func run(_ args: [String]) -> Int32 {
        MallocArenas.limitToCores()  // before any worker thread: peak RSS (MallocArenas.swift)
        var console = Console()
        return run(args, console: &console)
    }

    public static func run(_ args: [String], console: inout Console) -> Int32 {
        // A reader that went away (`authlint scan | head -1`) must show up as EPIPE, not kill us.
        signal(SIGPIPE, SIG_IGN)
        let status = runCommand(args, console: &console)
        // A report that did not reach its reader is a failed run, whatever was found.
        if let failure = console.stdoutFailure {
            if failure != EPIPE {
                console.err("authlint: cannot write standard output: \(String(cString: strerror(failure)))\n")
            }
            return 2
        }
        return status
    }

    static func runCommand(_ args: [String], console: inout Console) -> Int32 {
        var args = args
        var command = "scan"
        if let first = args.first, FlagTable.commandNames.contains(first) {
            command = first
            args.removeFirst()
        } else if args.first == "--version" || args.first == "-V" {
            command = "version"
            args.removeFirst()
        } else if args.first == "--help" || args.first == "-h" {
            command = "help"
            args.removeFirst()
        } else if let first = args.first, !first.hasPrefix("-"), !FileManager.default.fileExists(atPath: first),
            let command = Suggestion.closest(to: first, among: FlagTable.commandNames)
        {
            // `authlint scna` is a typo of a command, not a missing path.
            console.err(usageError("unknown command '\(first)' (did you mean '\(command)'?)"))
            return 2
        }
        do {
            switch command {
            case "rules": return try RulesCommand.run(args, console: &console)
            case "explain": return try ExplainCommand.run(args, console: &console)
            case "init": return try InitCommand.run(args, console: &console)
            case "install-hook": return try InstallHookCommand.run(args, console: &console)
            case "version", "help":
                guard args.isEmpty else { throw UsageError("`\(command)` takes no arguments") }
                console.out(command == "version" ? "authlint \(AuthLint.version)\n" : usage + "\n")
                return 0
            case "merge": return try MergeCommand.run(args, console: &console)
            case "lsp":
                // `--stdio` is what VS Code's client library appends; stdio is the only transport.
                guard args.allSatisfy({ $0 == "--stdio" }) else {
                    throw UsageError("`lsp` takes no arguments (it talks LSP on stdin/stdout)")
                }
                return LSPServer.runStdio()
            default: return try ScanCommand.run(args, console: &console)
            }
        } catch let error as UsageError {
            console.err(usageError(error.description))
            return 2
        } catch {
            console.err("authlint: \(error)\n")
            return 2
        }
    }
}

extension CommandLineInterface {
    /// One line naming the problem and where help is; the full help would scroll it away.
    static func usageError(_ message: String) -> String {
        "authlint: \(message)\nsee 'authlint --help'\n"
    }
}

/// Where the CLI writes. Tests capture it; the binary writes to the real streams with
/// `write(2)` (FileHandle.write traps on a full disk or a closed stream).
public struct Console {
    public var captured: (out: String, err: String)? = nil
    public var stdoutIsTerminal: Bool
    /// The errno of the first failed write to stdout; later output is dropped.
    public private(set) var stdoutFailure: Int32?

    public init(capture: Bool = false) {
        captured = capture ? ("", "") : nil
        stdoutIsTerminal = !capture && isatty(1) != 0
    }

    mutating func out(_ s: String) {
        if captured != nil { captured!.out += s; return }
        guard stdoutFailure == nil else { return }
        stdoutFailure = AtomicFile.writeAll(1, Array(s.utf8))
    }

    mutating func err(_ s: String) {
        if captured != nil { captured!.err += s; return }
        _ = AtomicFile.writeAll(2, Array(s.utf8))  // nowhere left to report a failing stderr
    }

    /// Puts /dev/null (read-only) on closed standard descriptors, so a file opened later cannot
    /// take fd 1 and receive the report, while writes to the closed stream still fail (EBADF).
    public static func occupyClosedStandardDescriptors() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) < 0 && errno == EBADF {
            let null = open("/dev/null", O_RDONLY)
            if null >= 0 && null != fd { dup2(null, fd); close(null) }
        }
    }
}
