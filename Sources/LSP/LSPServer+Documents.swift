import Engine
import Glibc
import Lexing
import Model
import Session
import Support
import Suppression

extension LSPServer {
    // MARK: - Documents

    func didChange(_ params: JSONNode?) {
        guard let uri = params?.path("textDocument", "uri")?.stringValue,
            let changes = params?["contentChanges"]?.arrayValue
        else {
            return logBadParams("textDocument/didChange")
        }
        guard var document = documents[uri] else { return }
        for change in changes {
            guard let text = change["text"]?.stringValue else { return logBadParams("textDocument/didChange") }
            if let range = change["range"] {
                guard let start = LSPPosition(range["start"]), let end = LSPPosition(range["end"]) else {
                    return logBadParams("textDocument/didChange")
                }
                document.apply(range: (start, end), text: text)
            } else {
                document.apply(range: nil, text: text)
            }
        }
        document.version = params?.path("textDocument", "version")?.intValue ?? document.version
        documents[uri] = document
        markDirty(uri)
    }

    func markDirty(_ uri: String) {
        if dirty.isEmpty { dirtySince = now() }
        dirty.insert(uri)
        scans[uri] = nil
    }

    func markAllDirty() {
        for uri in documents.uris { markDirty(uri) }
    }

    func scan(_ uri: String) -> (TextDocument, LintEngineCache.Outcome)? {
        guard let document = documents[uri] else { return nil }
        if let cached = scans[uri] { return (document, cached) }
        let outcome = engines.scan(document)
        scans[uri] = outcome
        return (document, outcome)
    }

    func publishDirty() {
        for uri in dirty.sorted() {
            guard let (document, outcome) = scan(uri) else { continue }
            let diagnostics: [JSONOut]
            switch outcome {
            case .configError(let message): diagnostics = [LSPDiagnostics.configErrorDiagnostic(message)]
            case .findings(let findings):
                diagnostics = findings.map {
                    LSPDiagnostics.diagnostic(
                        $0, in: document, rule: engines.rule($0.rule, forDocumentAt: document.path))
                }
            }
            send(
                RPCMessage.notification(
                    method: "textDocument/publishDiagnostics",
                    params: LSPDiagnostics.publishParams(uri: uri, version: document.version, diagnostics: diagnostics))
            )
        }
        dirty.removeAll()
    }
}
