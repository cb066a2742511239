import Engine
import Glibc
import Lexing
import Model
import Session
import Support
import Suppression

/// `authlint lsp`: a Language Server Protocol server on stdin/stdout.
///
/// One thread, one loop: read a frame, handle it to completion, repeat. Edits only mark a
/// document dirty; its diagnostics are computed when no further input is waiting, so a burst of
/// keystrokes costs one scan, and a request (code actions) always sees the latest text.
package final class LSPServer {
    private var channel: StdioChannel
    private var reader = LSPFrameReader()
    var documents = DocumentStore()
    let engines = LintEngineCache()
    /// Latest scan per URI, valid while the document version is unchanged.
    var scans: [String: LintEngineCache.Outcome] = [:]
    /// URIs whose diagnostics must be (re)published.
    var dirty: Set<String> = []
    var dirtySince: UInt64 = 0
    private var initialized = false
    private var shutdownRequested = false
    private var exitCode: Int32?
    private var nextOutgoingID = 1
    private var clientWatchesFiles = false

    /// Publish even while input keeps arriving, at least this often (nanoseconds).
    static let maxDiagnosticsDelay: UInt64 = 200_000_000

    init(channel: StdioChannel = StdioChannel()) {
        self.channel = channel
    }

    package static func runStdio() -> Int32 {
        signal(SIGPIPE, SIG_IGN)  // a vanished client must not kill us mid-write
        return LSPServer().run()
    }

    func run() -> Int32 {
        while true {
            while let event = reader.next() {
                handle(event)
                if let exitCode { return exitCode }
            }
            if !dirty.isEmpty && (!channel.hasPendingInput() || now() - dirtySince > Self.maxDiagnosticsDelay) {
                publishDirty()
                continue
            }
            guard let chunk = channel.read() else {
                // End of input without `exit`: the client died; 0 only after a clean shutdown.
                return shutdownRequested ? 0 : 1
            }
            reader.feed(chunk)
        }
    }

    // MARK: - Dispatch

    private func handle(_ event: LSPFrameReader.Event) {
        switch event {
        case .framingError(let problem):
            send(RPCMessage.errorResponse(id: nil, error: .parseError(problem)))
        case .message(let body):
            switch RPCMessage.parse(body) {
            case .failure(let failure):
                send(RPCMessage.errorResponse(id: failure.id, error: failure.error))
            case .success(.response):
                break
            case .success(.request(let id, let method, let params)):
                switch handleRequest(method: method, params: params) {
                case .success(let result): send(RPCMessage.response(id: id, result: result))
                case .failure(let error): send(RPCMessage.errorResponse(id: id, error: error))
                }
            case .success(.notification(let method, let params)):
                handleNotification(method: method, params: params)
            }
        }
    }

    private func handleRequest(method: String, params: JSONNode?) -> Result<JSONOut, RPCError> {
        if method == "initialize" {
            guard !initialized else { return .failure(.invalidRequest("initialize was already called")) }
            initialized = true
            clientWatchesFiles =
                params?.path("capabilities", "workspace", "didChangeWatchedFiles", "dynamicRegistration")?.boolValue
                ?? false
            return .success(Self.initializeResult)
        }
        guard initialized else { return .failure(.serverNotInitialized) }
        guard !shutdownRequested else { return .failure(.invalidRequest("the server is shutting down")) }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .success(.null)
        case "textDocument/codeAction":
            return codeActions(params)
        case "workspace/executeCommand":
            return executeCommand(params)
        default:
            return .failure(.methodNotFound(method))
        }
    }

    private func handleNotification(method: String, params: JSONNode?) {
        if method == "exit" {
            exitCode = shutdownRequested ? 0 : 1
            return
        }
        guard initialized && !shutdownRequested else { return }  // the protocol says: drop them
        switch method {
        case "initialized":
            registerConfigWatcher()
        case "textDocument/didOpen":
            guard let item = params?["textDocument"], let uri = item["uri"]?.stringValue,
                let text = item["text"]?.stringValue
            else {
                return logBadParams(method)
            }
            let path = DocumentURI.path(of: uri, languageId: item["languageId"]?.stringValue)
            documents[uri] = TextDocument(uri: uri, path: path, version: item["version"]?.intValue, text: text)
            markDirty(uri)
        case "textDocument/didChange":
            didChange(params)
        case "textDocument/didSave":
            guard let uri = params?.path("textDocument", "uri")?.stringValue, var document = documents[uri] else {
                return
            }
            if let text = params?["text"]?.stringValue {
                document.apply(range: nil, text: text); documents[uri] = document
            }
            // Saving a config file changes the findings of every open document.
            if Language.baseName(document.path) == ".authlint.json" { markAllDirty() } else { markDirty(uri) }
        case "textDocument/didClose":
            guard let uri = params?.path("textDocument", "uri")?.stringValue else { return logBadParams(method) }
            documents[uri] = nil
            scans[uri] = nil
            dirty.remove(uri)
            send(
                RPCMessage.notification(
                    method: "textDocument/publishDiagnostics",
                    params: LSPDiagnostics.publishParams(uri: uri, version: nil, diagnostics: [])))
        case "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration":
            engines.invalidate()
            markAllDirty()
        default:
            // `$/cancelRequest`, `$/setTrace` and unknown notifications: requests finish synchronously, nothing to cancel
            break
        }
    }

    static var initializeResult: JSONOut {
        .object([
            (
                "capabilities",
                .object([
                    (
                        "textDocumentSync",
                        .object([
                            ("openClose", .bool(true)),
                            ("change", .int(2)),  // incremental
                            ("save", .object([("includeText", .bool(false))])),
                        ])
                    ),
                    ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
                    (
                        "executeCommandProvider",
                        .object([("commands", .array([.string(LSPCodeActions.explainCommand)]))])
                    ),
                ])
            ),
            ("serverInfo", .object([("name", .string("authlint")), ("version", .string(AuthLint.version))])),
        ])
    }

    // MARK: - Requests

    private func codeActions(_ params: JSONNode?) -> Result<JSONOut, RPCError> {
        guard let uri = params?.path("textDocument", "uri")?.stringValue,
            let start = LSPPosition(params?.path("range", "start")), let end = LSPPosition(params?.path("range", "end"))
        else {
            return .failure(.invalidParams("codeAction needs textDocument.uri and range"))
        }
        guard let scanned = scan(uri), case .findings(let findings) = scanned.1 else { return .success(.array([])) }
        let document = scanned.0
        let lines = min(start.line, end.line)...max(start.line, end.line)
        return .success(
            .array(
                LSPCodeActions.actions(findings: findings, document: document, lines: lines) {
                    self.engines.rule($0, forDocumentAt: document.path)
                }))
    }

    private func executeCommand(_ params: JSONNode?) -> Result<JSONOut, RPCError> {
        guard let command = params?["command"]?.stringValue else { return .failure(.invalidParams("missing command")) }
        guard command == LSPCodeActions.explainCommand else {
            return .failure(.invalidParams("unknown command '\(command)'"))
        }
        guard let id = params?["arguments"]?.arrayValue?.first?.stringValue else {
            return .failure(.invalidParams("\(command) needs a rule id argument"))
        }
        guard let rule = engines.rule(id, forDocumentAt: ".") else {
            return .failure(.invalidParams("unknown rule id '\(id)'"))
        }
        // Shown to the user; `authlint explain` prints the same text.
        send(
            RPCMessage.notification(
                method: "window/showMessage",
                params: .object([("type", .int(3)), ("message", .string(RuleExplanation.render(rule)))])))
        return .success(.null)
    }

    // MARK: - Output

    /// Asks the client to tell us when any `.authlint.json` changes (if it can watch files).
    private func registerConfigWatcher() {
        guard clientWatchesFiles else { return }
        let id = RPCID.string("authlint-\(nextOutgoingID)")
        nextOutgoingID += 1
        let registration: JSONOut = .object([
            ("id", .string("authlint-config-watcher")),
            ("method", .string("workspace/didChangeWatchedFiles")),
            (
                "registerOptions",
                .object([("watchers", .array([.object([("globPattern", .string("**/.authlint.json"))])]))])
            ),
        ])
        send(
            RPCMessage.request(
                id: id, method: "client/registerCapability",
                params: .object([("registrations", .array([registration]))])))
    }

    func logBadParams(_ method: String) {
        send(
            RPCMessage.notification(
                method: "window/logMessage",
                params: .object([
                    ("type", .int(1)), ("message", .string("authlint: ignored \(method) with invalid params")),
                ])))
    }

    func send(_ message: String) {
        channel.send(message)
    }

    func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
