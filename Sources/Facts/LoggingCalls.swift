import Lexing
import Model
import Support

/// Which calls write to a log or the console, per language family.
public enum LoggingCalls {
    /// Whole callee paths (any language).
    static let exact: Set<String> = [
        "print", "println", "printf", "debugPrint", "dump", "NSLog", "os_log", "pprint", "pprint.pprint",
        "print_r", "var_dump", "var_export", "error_log", "printStackTrace", "alert",
        "fmt.Print", "fmt.Println", "fmt.Printf",
        "System.out.println", "System.out.print", "System.out.printf", "System.err.println", "System.err.print",
        "System.err.printf", "Console.WriteLine", "Console.Write", "Console.Error.WriteLine", "Console.Error.Write",
        "Console.Out.WriteLine", "Console.Out.Write", "Debug.WriteLine", "Debug.Write", "Debug.Print",
        "Trace.WriteLine",
        "Trace.Write", "Trace.TraceInformation", "Trace.TraceWarning", "Trace.TraceError", "Debug.Log",
        "sys.stderr.write", "process.stderr.write", "click.echo", "typer.echo",
        "$stderr.puts", "$stdout.puts", "STDERR.puts", "STDOUT.puts", "$stderr.print", "$stderr.write",
    ]
    /// Bare names that log only in one language (`p(x)` in Python is just a function).
    static let exactByDialect: [Dialect: Set<String>] = [
        .ruby: ["puts", "p", "pp", "warn"],
        .php: ["echo", "print"],
        // Rust's printing and `log`/`tracing` macros (`println!(…)`, `log::debug!(…)`).
        .rust: [
            "println", "eprintln", "print", "eprint", "dbg", "info", "debug", "warn", "error", "trace",
            "log.info", "log.debug", "log.warn", "log.error", "log.trace", "tracing.info", "tracing.debug",
        ],
    ]
    /// `fmt.Fprint*` logs only when it writes to the process's own streams (else it writes a
    /// response or a file).
    static let goStreamPrinters: Set<String> = ["fmt.Fprintf", "fmt.Fprintln", "fmt.Fprint"]
    /// PowerShell's console and stream writers (`.ps1` files are lexed as shell).
    static let powerShellWriters: Set<String> = [
        "Write-Host", "Write-Output", "Write-Verbose", "Write-Debug", "Write-Information", "Write-Warning",
        "Write-Error",
    ]

    /// Receivers whose methods log: `console.log`, `logger.info`, `log.Printf`, `Log.d`, `slog.Info`.
    static let receivers: Set<String> = [
        "console", "logger", "log", "logging", "Log", "LOG", "LOGGER", "Logger", "slog", "zap", "logrus", "sugar",
        "winston", "pino", "bunyan", "loguru", "Timber", "_logger", "_log", "_LOGGER", "_LOG", "self.logger",
        "self.log",
        "this.logger", "this.log", "logr", "klog", "glog", "structlog", "Rails.logger", "app.logger", "req.log",
        "request.log", "ctx.logger", "os_log", "Logging",
    ]
    /// Method names a logging receiver uses (anything else, e.g. `log.Fatal`, still logs, so we
    /// only exclude configuration calls).
    static let nonLoggingMethods: Set<String> = [
        "setLevel", "getLogger", "child", "with", "With", "addHandler", "basicConfig", "configure", "level", "New",
        "NewLogger", "Named", "Sugar", "SetOutput", "SetFlags", "SetPrefix", "getChild", "bind", "createLogger",
        "setFormatter", "disable", "enable", "isEnabledFor", "isDebugEnabled", "isInfoEnabled", "Writer",
        "input", "status", "rule", "clear", "time", "timeEnd", "group", "groupEnd", "table", "count",
        "removeHandler", "addFilter", "getLevelName", "setLoggerClass", "captureWarnings", "Formatter", "StreamHandler",
        "FileHandler", "Handler", "Filter", "LogRecord", "handlers", "propagate", "levels", "formatter",
    ]
    /// Level methods called on a logger obtained inline: `zap.L().Info(…)`, `logger()->info(…)`,
    /// `Timber.tag("x").d(…)`, `log.WithField("k", v).Warn(…)`.
    static let levelMethods: Set<String> = [
        "info", "debug", "warn", "warning", "error", "fatal", "trace", "critical", "exception", "notice", "verbose",
        "Info", "Debug", "Warn", "Warning", "Error", "Fatal", "Trace", "Infof", "Debugf", "Warnf", "Errorf", "Fatalf",
        "Infow", "Debugw", "Warnw", "Errorw", "Print", "Printf", "Println", "d", "i", "v", "w", "e", "wtf", "log",
    ]

    public static func isLogging(_ call: Call) -> Bool {
        if exact.contains(call.callee) { return true }
        guard call.callee.utf8.contains(UInt8(ascii: ".")) else { return false }
        let receiver = String(call.callee[..<call.callee.lastIndex(of: ".")!])
        if nonLoggingMethods.contains(call.name) { return false }
        if receivers.contains(receiver) { return true }
        // `self.logger.info`, `app.log.debug`, `auditLogger.warn`: a receiver whose last segment is a logger.
        if let last = receiver.split(separator: ".").last {
            if receivers.contains(String(last)) { return true }
            if last.lowercased().hasSuffix("logger") { return true }
        }
        return false
    }
}

extension FileFacts {
    private static let loggingCallsKey = FactKey<[Call]>("loggingCalls")
    /// Logging and printing calls of the file: parenthesised calls (`console.log(…)`), chained
    /// level calls (`zap.L().Info(…)`), and the paren-less commands of Ruby (`puts x`,
    /// `logger.info "…"`), PHP (`echo $x;`) and shell (`echo "$TOKEN"`, `printf …`).
    public var loggingCalls: [Call] {
        memo(Self.loggingCallsKey) {
            let dialect = file.dialect
            let local = LoggingCalls.exactByDialect[dialect] ?? []
            var result = calls.filter { call in
                if LoggingCalls.goStreamPrinters.contains(call.callee) {
                    // Only `fmt.Fprintf(os.Stderr, …)` / `os.Stdout`: other writers are responses or files.
                    guard let first = call.arguments.first else { return false }
                    let target = first.map { text($0) }.joined()
                    return target == "os.Stderr" || target == "os.Stdout"
                }
                return LoggingCalls.isLogging(call) || local.contains(call.callee) || isChainedLogging(call)
            }
            switch file.language {
            case .ruby: result += commandCalls(names: local.union(["print"]), rubyPaths: true)
            case .cLike where dialect == .php: result += commandCalls(names: ["echo", "print"], rubyPaths: false)
            case .shell: result += shellEchoes()
            default: break
            }
            return result.sorted { $0.calleeStart < $1.calleeStart }
        }
    }

    /// `X(…).info(…)` / `X(…)->info(…)` where `X` names or makes a logger.
    private func isChainedLogging(_ call: Call) -> Bool {
        guard call.callee == call.name, LoggingCalls.levelMethods.contains(call.name),
            let dot = previous(call.calleeStart), isPunct(dot, ".") || isPunct(dot, "->"),
            let close = previous(dot), isPunct(close, ")"), tokens[close].pairIndex >= 0,
            let name = previous(tokens[close].pairIndex), tokens[name].kind == .identifier
        else { return false }
        let inner = text(name)
        let receiver = previous(name).flatMap { isPunct($0, ".") ? previous($0) : nil }.map { text($0) } ?? ""
        return inner.lowercased().hasSuffix("logger") || inner.lowercased() == "log" || inner.hasPrefix("With")
            || inner.hasPrefix("with")
            || ((receiver == "zap" || receiver == "Timber" || receiver == "Log" || receiver == "log") && !inner.isEmpty)
    }

    /// True when token `i` is the first token of its line (after `;` also counts).
    package func startsStatement(_ i: Int) -> Bool {
        guard let before = previous(i) else { return true }
        if isPunct(before, ";") || isPunct(before, "{") || isPunct(before, "}") { return true }
        var k = tokens[i].start - 1
        while k > tokens[before].end - 1 {
            if file.bytes[k] == 0x0A { return true }
            k -= 1
        }
        return false
    }

    /// Paren-less calls: `puts x`, `Rails.logger.info "…"` (Ruby), `echo $x, "…";` (PHP).
    /// Arguments run to the end of the statement (`;`, a line break, or a trailing `if`/`unless`).
    private func commandCalls(names: Set<String>, rubyPaths: Bool) -> [Call] {
        var result: [Call] = []
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].kind == .identifier, startsStatement(i) else { continue }
            var end = i
            var path = text(i)
            if rubyPaths {
                while let dot = next(end), isPunct(dot, "."), let part = next(dot), tokens[part].kind == .identifier,
                    tokens[part].start == tokens[dot].end
                {
                    path += "." + text(part)
                    end = part
                }
            }
            guard
                names.contains(path)
                    || (rubyPaths && path.utf8.contains(UInt8(ascii: "."))
                        && LoggingCalls.isLogging(
                            Call(
                                callee: path, name: text(end), calleeStart: i, openParen: end, closeParen: end,
                                arguments: [])))
            else { continue }
            guard let first = next(end), !isPunct(first, "("), !isPunct(first, "="), !isPunct(first, "."),
                !isPunct(first, ","),
                !isPunct(first, ")"), !startsStatement(first) || isPunct(first, "<<")
            else { continue }
            var last = first
            var k = first
            while k < tokens.count {
                if isPunct(k, ";") || isPunct(k, "}") || isPunct(k, ")") || isPunct(k, "]") { break }
                if k > first && tokens[k].kind == .identifier
                    && ["if", "unless", "do", "rescue", "and", "or"].contains(text(k))
                {
                    break
                }
                if k > first && startsStatement(k) && !continuesLine(before: k) { break }
                last = k
                k = isOpeningBracket(k) && tokens[k].pairIndex > k ? tokens[k].pairIndex + 1 : k + 1
            }
            result.append(
                Call(
                    callee: path, name: text(end), calleeStart: i, openParen: end, closeParen: last + 1,
                    arguments: splitArguments(open: end, close: last + 1)))
            i = last
        }
        return result
    }

    /// A line ending in `,`, `+`, `.` or `\` continues the statement on the next line.
    private func continuesLine(before k: Int) -> Bool {
        guard let p = previous(k) else { return false }
        return isPunct(p, ",") || isPunct(p, "+") || isPunct(p, ".") || isPunct(p, "\\")
    }

    /// Shell `echo …` / `printf …` that print to the terminal: a command piped into another
    /// (`echo "$T" | docker login --password-stdin`) or redirected into a file
    /// (`echo "KEY=$K" >> "$GITHUB_ENV"`) hands the value on instead of logging it.
    private func shellEchoes() -> [Call] {
        var result: [Call] = []
        for i in tokens.indices where tokens[i].kind == .identifier {
            let name = text(i)
            guard name == "echo" || name == "printf" || LoggingCalls.powerShellWriters.contains(name) else { continue }
            // Inside `$(…)` / backticks the output is captured, not shown.
            if let before = previous(i), isPunct(before, "("), let dollar = previous(before),
                tokens[dollar].end == tokens[before].start,
                file.bytes[tokens[dollar].end - 1] == UInt8(ascii: "$")
            {
                continue
            }
            var args: [Range<Int>] = []
            var k = i + 1
            var handedOn = false
            while k < tokens.count && !endsCommand(between: k - 1, and: k) {
                if isPunct(k, ">") {
                    // `>&2` / `>&1` still reach the terminal; `> file` does not.
                    if let amp = next(k), isPunct(amp, "&") { k = amp + 1; continue }
                    // `2>/dev/null` moves only stderr.
                    let fd = previous(k).map { tokens[$0].end == tokens[k].start && value($0) == "2" } ?? false
                    if !fd { handedOn = true }
                }
                if tokens[k].kind == .string { args.append(k..<(k + 1)) }
                k += 1
            }
            if k < tokens.count, isPunct(k, "|") { handedOn = true }
            if handedOn || args.isEmpty { continue }
            result.append(
                Call(callee: name, name: name, calleeStart: i, openParen: i, closeParen: k - 1, arguments: args))
        }
        return result
    }
}
