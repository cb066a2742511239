import Foundation
import Glibc
import XCTest

@testable import CLI
@testable import Config
@testable import Discovery
@testable import Engine
@testable import Facts
@testable import LSP
@testable import Lexing
@testable import Model
@testable import Prefilter
@testable import Reporting
@testable import Rules
@testable import Session
@testable import Support
@testable import Suppression

/// One `authlint lsp` process with framed JSON-RPC over pipes; every read has a deadline.
final class LSPProcess {
    struct Diagnostic {
        var raw: [String: Any]
        var code: String { raw["code"] as? String ?? "" }
        private var range: [String: Any] { raw["range"] as? [String: Any] ?? [:] }
        private func position(_ key: String) -> (Int, Int) {
            let p = range[key] as? [String: Any] ?? [:]
            return (p["line"] as? Int ?? -1, p["character"] as? Int ?? -1)
        }
        var startLine: Int { position("start").0 }
        var startCharacter: Int { position("start").1 }
        var summary: String {
            let (sl, sc) = position("start"), (el, ec) = position("end")
            return "\(code) \(sl):\(sc)-\(el):\(ec)"
        }
    }

    private let process = Process()
    private let input = Pipe(), output = Pipe()
    private var buffer: [UInt8] = []
    private var nextID = 1
    /// Everything the server wrote, for "never echoes a secret" checks.
    private(set) var transcript = ""
    let timeout: Double

    init(cwd: String, timeout: Double = 10) throws {
        self.timeout = timeout
        process.executableURL = URL(fileURLWithPath: TestSupport.binary)
        process.arguments = ["lsp"]
        process.currentDirectoryURL = URL(fileURLWithPath: cwd)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    static func frame(_ body: [UInt8]) -> [UInt8] { Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body }

    func sendRaw(_ bytes: [UInt8]) throws {
        try input.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    func send(_ message: [String: Any]) throws {
        try sendRaw(Self.frame(Array(try JSONSerialization.data(withJSONObject: message))))
    }

    func notify(_ method: String, _ params: Any?) throws {
        var message: [String: Any] = ["jsonrpc": "2.0", "method": method]
        if let params { message["params"] = params }
        try send(message)
    }

    /// Sends a request and returns its response (notifications received meanwhile are dropped).
    func request(_ method: String, _ params: Any?) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { message["params"] = params }
        try send(message)
        while true {
            let reply = try receive()
            if reply["method"] == nil, reply["id"] as? Int == id { return reply }
        }
    }

    func errorCode(of message: [String: Any]) throws -> Int? {
        (message["error"] as? [String: Any])?["code"] as? Int
    }

    /// The next publishDiagnostics for `uri`.
    func diagnostics(for uri: String) throws -> [Diagnostic] {
        while true {
            let message = try receive()
            guard message["method"] as? String == "textDocument/publishDiagnostics",
                let params = message["params"] as? [String: Any], params["uri"] as? String == uri
            else { continue }
            return (params["diagnostics"] as? [[String: Any]] ?? []).map(Diagnostic.init)
        }
    }

    /// The next message the server sends, or a failure after `timeout` seconds.
    func receive() throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let message = try takeFrame() { return message }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw LSPTestError("no message from the server within \(timeout) s") }
            var fds = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&fds, 1, Int32(remaining * 1000)) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fds.fd, $0.baseAddress, $0.count) }
            guard n > 0 else { throw LSPTestError("the server closed its output") }
            buffer += chunk[0..<n]
        }
    }

    private func takeFrame() throws -> [String: Any]? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, buffer.count - 3)).first(where: { Array(buffer[$0..<$0 + 4]) == separator }) else {
            return nil
        }
        let header = String(decoding: buffer[0..<end], as: UTF8.self)
        guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst("Content-Length: ".count)) else {
            throw LSPTestError("bad header from the server: \(header)")
        }
        guard buffer.count >= end + 4 + length else { return nil }
        let body = Array(buffer[(end + 4)..<(end + 4 + length)])
        buffer.removeFirst(end + 4 + length)
        transcript += String(decoding: body, as: UTF8.self)
        guard let message = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw LSPTestError("not a JSON object: \(String(decoding: body, as: UTF8.self))")
        }
        return message
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Exit status, or -1 if the server did not exit within the timeout (then it is killed).
    func waitForExit() -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(); return -1 }
        return process.terminationStatus
    }

    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }
}

struct LSPTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
