/// Which calls write to a log or the console, per language family.
public enum LoggingCalls {
    /// Whole callee paths.
    static let exact: Set<String> = [
        "print", "println", "printf", "debugPrint", "dump", "NSLog", "os_log", "puts", "p", "pp", "echo", "print_r",
        "var_dump", "var_export", "error_log", "printStackTrace", "alert", "trace",
        "fmt.Print", "fmt.Println", "fmt.Printf", "fmt.Fprintf", "fmt.Fprintln", "fmt.Fprint",
        "System.out.println", "System.out.print", "System.out.printf", "System.err.println", "System.err.print",
        "System.err.printf", "Console.WriteLine", "Console.Write", "Console.Error.WriteLine", "Debug.WriteLine",
        "Debug.Write", "Trace.WriteLine", "Debug.Log", "Rails.logger.info", "Rails.logger.debug",
        "Rails.logger.warn", "Rails.logger.error",
    ]
    /// Receivers whose methods log: `console.log`, `logger.info`, `log.Printf`, `Log.d`, `slog.Info`.
    static let receivers: Set<String> = [
        "console", "logger", "log", "logging", "Log", "LOG", "LOGGER", "Logger", "slog", "zap", "logrus", "sugar",
        "winston", "pino", "bunyan", "loguru", "Timber", "_logger", "_log", "self.logger", "self.log", "this.logger",
        "this.log", "logr", "klog", "glog", "structlog", "Rails.logger", "app.logger", "req.log", "request.log",
        "ctx.logger", "os_log", "Logging",
    ]
    /// Method names a logging receiver uses (anything else, e.g. `log.Fatal`, still logs, so we
    /// only exclude configuration calls).
    static let nonLoggingMethods: Set<String> = [
        "setLevel", "getLogger", "child", "with", "With", "addHandler", "basicConfig", "configure", "level", "New",
        "NewLogger", "Named", "Sugar", "SetOutput", "SetFlags", "SetPrefix", "getChild", "bind", "createLogger",
        "setFormatter", "disable", "enable", "isEnabledFor", "isDebugEnabled", "isInfoEnabled", "Writer",
        "input", "status", "rule", "clear", "time", "timeEnd", "group", "groupEnd", "table", "count",
    ]

    public static func isLogging(_ call: Call) -> Bool {
        if exact.contains(call.callee) { return true }
        guard call.callee.contains(".") else { return false }
        let receiver = String(call.callee[..<call.callee.lastIndex(of: ".")!])
        if nonLoggingMethods.contains(call.name) { return false }
        if receivers.contains(receiver) { return true }
        // `self.logger.info`, `app.log.debug`: a receiver whose last segment is a logger.
        if let last = receiver.split(separator: ".").last, receivers.contains(String(last)) { return true }
        return false
    }
}
