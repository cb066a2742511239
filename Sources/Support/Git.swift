import Glibc

/// The one place authlint runs git. Git is read, never obeyed: a scanned repository's config
/// and attributes can name programs (fsmonitor, hooks, external diff, textconv, pager, clean
/// filters), and a security tool must not run them. Every call switches them off.
public enum Git {
    public struct Failure: Error, CustomStringConvertible {
        package init(description: String) { self.description = description }
        public var description: String
    }

    /// Config overrides on every call. An empty `diff.external` only errors (fail closed) where
    /// `--no-ext-diff` is missing; `core.fsmonitor=false` stops the hook git runs on index reads.
    static let neutralConfig = [
        "core.fsmonitor=false", "diff.external=", "core.pager=cat", "core.editor=false",
        "core.sshCommand=false", "credential.helper=", "protocol.allow=never",
    ]

    /// Inherited variables that could start a program, or change what git reads, are dropped.
    static let droppedVariables: Set<String> = [
        "GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_EDITOR", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_ASKPASS",
        "GIT_DIFF_OPTS", "GIT_CONFIG_NOSYSTEM", "GIT_TERMINAL_PROMPT", "GIT_LITERAL_PATHSPECS", "GIT_OPTIONAL_LOCKS",
        "GIT_TRACE", "GIT_TRACE2", "GIT_TRACE2_EVENT", "GIT_TRACE2_PERF",
    ]

    static var environment: [String] {
        var result: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            let name = String(text.prefix { $0 != "=" })
            if !droppedVariables.contains(name) { result.append(text) }
            entry += 1
        }
        // Pathspecs are literal (a file named `:(exclude)x` is a name), and a read-only checker
        // takes no optional index lock.
        return result + [
            "GIT_CONFIG_NOSYSTEM=1", "GIT_PAGER=cat", "GIT_TERMINAL_PROMPT=0",
            "GIT_LITERAL_PATHSPECS=1", "GIT_OPTIONAL_LOCKS=0",
        ]
    }

    /// Runs `git -C cwd <config> <args>`, returns stdout; a non-zero exit throws git's message.
    /// `keepHooksPath`: only for asking where hooks live (`install-hook`); nothing run that way
    /// starts hooks, every other call points `core.hooksPath` at /dev/null.
    public static func run(
        _ args: [String], cwd: String, input: [UInt8] = [], config: [String] = [],
        keepHooksPath: Bool = false
    ) throws(Failure) -> [UInt8] {
        var settings = neutralConfig + config
        if !keepHooksPath { settings.append("core.hooksPath=/dev/null") }
        let command = ["git", "-C", cwd] + settings.flatMap { ["-c", $0] } + args
        let output: Subprocess.Output
        do { output = try Subprocess.run(command, input: input, environment: environment) } catch {
            throw Failure(description: error.description)
        }
        guard output.status == 0 else {
            var message = String(decoding: output.stderr, as: UTF8.self)
            while message.last?.isWhitespace == true { message.removeLast() }
            if message.isEmpty { message = "exit status \(output.status)" }
            throw Failure(description: "git \(args.first ?? "") failed: \(message)")
        }
        return output.stdout
    }

    public static func text(_ args: [String], cwd: String, config: [String] = [], keepHooksPath: Bool = false)
        throws(Failure) -> String
    {
        String(decoding: try run(args, cwd: cwd, config: config, keepHooksPath: keepHooksPath), as: UTF8.self)
    }

    /// A one-line answer (`rev-parse`) without its line break.
    public static func line(_ args: [String], cwd: String, keepHooksPath: Bool = false) throws(Failure) -> String {
        var text = try text(args, cwd: cwd, keepHooksPath: keepHooksPath)
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }

    /// Overrides that disable every clean/smudge/process filter the repository configures:
    /// diffing the work tree runs the clean filter of each changed file, and attributes choose
    /// the filter. Empty commands are "no filter" to git.
    package static func filterOverrides(cwd: String) -> [String] {
        guard let names = try? text(["config", "--name-only", "--get-regexp", "^filter\\."], cwd: cwd) else {
            return []
        }
        var drivers: Set<String> = []
        for line in names.split(separator: "\n") {
            // filter.<driver>.<key>: the driver name may itself hold dots.
            guard let lastDot = line.lastIndex(of: "."), line.hasPrefix("filter.") else { continue }
            drivers.insert(String(line[line.index(line.startIndex, offsetBy: 7)..<lastDot]))
        }
        return drivers.sorted().flatMap {
            ["filter.\($0).clean=", "filter.\($0).smudge=", "filter.\($0).process=", "filter.\($0).required=false"]
        }
    }
}
