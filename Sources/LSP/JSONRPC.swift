import Engine
import Lexing
import Model
import Session
import Support
import Suppression

/// JSON-RPC 2.0 as LSP uses it: requests (id + method), notifications (method only) and
/// responses (id + result or error). Parsed with our `JSONNode`, written with `JSONOut`.
enum RPCID: Equatable, Hashable {
    case number(Int)
    case string(String)

    init?(_ node: JSONNode) {
        switch node.value {
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: self = .number(Int(d))
        case .string(let s): self = .string(s)
        default: return nil
        }
    }

    var json: JSONOut {
        switch self {
        case .number(let n): return .int(n)
        case .string(let s): return .string(s)
        }
    }
}

/// Error codes from the JSON-RPC and LSP specifications.
struct RPCError: Error {
    var code: Int
    package var message: String

    static func parseError(_ detail: String) -> RPCError { RPCError(code: -32700, message: "Parse error: \(detail)") }
    static func invalidRequest(_ detail: String) -> RPCError {
        RPCError(code: -32600, message: "Invalid request: \(detail)")
    }
    static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: -32601, message: "Method not found: \(method)")
    }
    static func invalidParams(_ detail: String) -> RPCError {
        RPCError(code: -32602, message: "Invalid params: \(detail)")
    }
    static func internalError(_ detail: String) -> RPCError {
        RPCError(code: -32603, message: "Internal error: \(detail)")
    }
    static let serverNotInitialized = RPCError(code: -32002, message: "Server not initialized")
    static let requestCancelled = RPCError(code: -32800, message: "Request cancelled")
}

/// A message that cannot be handled, with its id when it could be read, so the client can
/// match the error to its request.
struct RPCFailure: Error {
    var id: RPCID?
    var error: RPCError
}

/// One incoming message, classified.
enum RPCMessage {
    case request(id: RPCID, method: String, params: JSONNode?)
    case notification(method: String, params: JSONNode?)
    /// A reply to a request we sent (e.g. `client/registerCapability`); nothing to do.
    case response(id: RPCID?)

    /// Parses one frame body.
    static func parse(_ body: [UInt8]) -> Result<RPCMessage, RPCFailure> {
        let root: JSONNode
        do { root = try JSONNode.parse(body, allowComments: false) } catch {
            return .failure(RPCFailure(id: nil, error: .parseError(error.description)))
        }
        guard case .object = root.value else {
            return .failure(RPCFailure(id: nil, error: .invalidRequest("a message must be a JSON object")))
        }
        let idNode = root["id"]
        let id = idNode.flatMap(RPCID.init)
        if let idNode, id == nil, !idNode.isNull {
            return .failure(RPCFailure(id: nil, error: .invalidRequest("id must be a number or a string")))
        }
        guard root["jsonrpc"]?.stringValue == "2.0" else {
            return .failure(RPCFailure(id: id, error: .invalidRequest("\"jsonrpc\" must be \"2.0\"")))
        }
        guard let methodNode = root["method"] else {
            if root["result"] != nil || root["error"] != nil { return .success(.response(id: id)) }
            return .failure(RPCFailure(id: id, error: .invalidRequest("missing \"method\"")))
        }
        guard let method = methodNode.stringValue else {
            return .failure(RPCFailure(id: id, error: .invalidRequest("\"method\" must be a string")))
        }
        // `"params": null` is common (e.g. for shutdown and exit) and means no params.
        let params = root["params"].flatMap { $0.isNull ? nil : $0 }
        if let params, !params.isObject && !params.isArray {
            return .failure(RPCFailure(id: id, error: .invalidParams("params must be an object or an array")))
        }
        if let id { return .success(.request(id: id, method: method, params: params)) }
        return .success(.notification(method: method, params: params))
    }

    // Outgoing messages, rendered compactly.

    static func response(id: RPCID, result: JSONOut) -> String {
        JSONOut.object([("jsonrpc", .string("2.0")), ("id", id.json), ("result", result)]).render(pretty: false)
    }

    static func errorResponse(id: RPCID?, error: RPCError) -> String {
        JSONOut.object([
            ("jsonrpc", .string("2.0")), ("id", id?.json ?? .null),
            ("error", .object([("code", .int(error.code)), ("message", .string(error.message))])),
        ]).render(pretty: false)
    }

    static func notification(method: String, params: JSONOut) -> String {
        JSONOut.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]).render(
            pretty: false)
    }

    static func request(id: RPCID, method: String, params: JSONOut) -> String {
        JSONOut.object([("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method)), ("params", params)])
            .render(pretty: false)
    }
}

/// Typed reads of LSP params; each returns nil when the shape is wrong (→ -32602).
extension JSONNode {
    var isNull: Bool { if case .null = value { return true }; return false }
    var isObject: Bool { if case .object = value { return true }; return false }
    var isArray: Bool { if case .array = value { return true }; return false }

    var intValue: Int? {
        if case .number(let d) = value, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        return nil
    }

    var boolValue: Bool? { if case .bool(let b) = value { return b }; return nil }

    var arrayValue: [JSONNode]? { if case .array(let items) = value { return items }; return nil }

    /// `params.textDocument.uri` and friends: a chain of object keys.
    func path(_ keys: String...) -> JSONNode? {
        var node: JSONNode? = self
        for key in keys { node = node?[key] }
        return node
    }
}
