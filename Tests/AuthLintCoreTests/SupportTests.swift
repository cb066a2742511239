import Foundation
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

final class SupportTests: XCTestCase {
    /// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var x = seed | 1
        return (0..<count).map { _ in
            x ^= x << 13; x ^= x >> 7; x ^= x << 17; return UInt8(truncatingIfNeeded: x)
        }
    }

    func testSHA256AgainstSha256sum() throws {
        let tool = try TestSupport.requireTool("sha256sum")
        let dir = try TestSupport.temporaryDirectory()
        var inputs: [[UInt8]] = [[], Array("abc".utf8)]
        for n in [55, 56, 57, 63, 64, 65, 119, 120, 1_000_003] { inputs.append(Self.bytes(n, seed: UInt64(n))) }
        for (i, input) in inputs.enumerated() {
            let path = "\(dir)/in\(i)"
            try Data(input).write(to: URL(fileURLWithPath: path))
            let expected = try TestSupport.run(tool, [path]).stdout.split(separator: " ").first.map(String.init)
            XCTAssertEqual(SHA256.hex(input), expected, "input of \(input.count) bytes")
        }
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testHexBytesRoundTripAndRejects() {
        var generator = SeededGenerator(seed: 0x4E7)
        for count in [0, 1, 16, 257] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let lower = bytes.map { String(format: "%02x", $0) }.joined()
            XCTAssertEqual(ASCII.bytes(hex: lower), bytes)
            XCTAssertEqual(ASCII.bytes(hex: lower.uppercased()), bytes)
        }
        for bad in ["abc", "0g", "zz", " 0a", "0a\n"] { XCTAssertNil(ASCII.bytes(hex: bad), bad) }
        XCTAssertEqual((0...255).filter { ASCII.isAlphanumeric(UInt8($0)) }.count, 62)
    }

    func testBase64AgainstCoreutilsAndStrictness() throws {
        let tool = try TestSupport.requireTool("base64")
        for n in [0, 1, 2, 3, 4, 5, 31, 32, 33, 100] {
            let input = Self.bytes(n, seed: UInt64(n + 7))
            let encoded = Base64.encode(input)
            let reference = try TestSupport.run(tool, ["-w", "0"], stdin: String(decoding: input, as: UTF8.self)).stdout
            if String(validating: input, as: UTF8.self) != nil { XCTAssertEqual(encoded, reference) }
            XCTAssertEqual(Data(base64Encoded: encoded).map { [UInt8]($0) }, input)
            if n > 0 { XCTAssertEqual(Base64.decode(encoded), input) }
        }
        XCTAssertEqual(Base64.decode("dXNlcjpwYXNz").map { String(decoding: $0, as: UTF8.self) }, "user:pass")
        XCTAssertNil(Base64.decode("dXNlcjpwYXN"))  // impossible length after padding rules
        XCTAssertNil(Base64.decode("not base64!"))
        XCTAssertNil(Base64.decode("dXNlcjpwYXNz="))  // wrong padding
        XCTAssertNil(Base64.decode("YR=="))  // non-zero trailing bits
        XCTAssertEqual(Base64.decode("YQ"), [0x61])
    }

    func testJSONParserValuesAndPositions() throws {
        let doc = #"{"a": [1, -2.5e3, true, null], "b": {"c": "\u00e9\ud83d\ude00\n"}}"#
        let node = try JSONNode.parse(Array(doc.utf8), allowComments: false)
        guard case .object(let members) = node.value else { return XCTFail() }
        XCTAssertEqual(members.map(\.key), ["a", "b"])
        XCTAssertEqual(node["b"]?["c"]?.stringValue, "é😀\n")
        XCTAssertEqual(node["b"]?.column, 37)

        func error(_ text: String, comments: Bool = false) -> JSONParseError? {
            do { _ = try JSONNode.parse(Array(text.utf8), allowComments: comments); return nil } catch { return error }
        }
        XCTAssertEqual(error("{\n  \"a\": 1,\n}").map { "\($0.line):\($0.column)" }, "3:1")
        XCTAssertNil(error("{\n  // note\n  \"a\": 1, /* x */\n}", comments: true))
        XCTAssertEqual(error("{\"a\": 1, \"a\": 2}")?.message, "duplicate key 'a'")
        XCTAssertEqual(error("\"abc")?.message, "unterminated string")
        XCTAssertNotNil(error(String(repeating: "[", count: 10_000)), "depth limit, not a stack overflow")
        XCTAssertNotNil(error("// x\n{}"), "comments only in JSONC mode")
    }

    func testJSONWriterAlwaysProducesValidJSON() throws {
        var strings = [
            "", "plain", "quote \" backslash \\ tab \t nl \n", "\u{0}\u{1F}\u{7F}", "\u{2028}\u{2029}", "é😀",
        ]
        strings.append(String(decoding: [0xFF, 0xFE, 0x41, 0xC3], as: UTF8.self))
        for s in strings {
            let rendered = JSONOut.object([("k", .string(s))]).render(pretty: true)
            let parsed = try JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: String]
            XCTAssertEqual(parsed?["k"], s)
        }
    }

    func testAtomicWriteReplacesWholeFileAndLeavesNoTemp() throws {
        let dir = try TestSupport.temporaryDirectory()
        let path = dir + "/out.json"
        try AtomicFile.write(Array("old".utf8), to: path)
        try AtomicFile.write(Array("new contents".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new contents")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["out.json"])
        XCTAssertThrowsError(try AtomicFile.write([1], to: dir + "/missing/dir/file"))
    }

    func testPlaceholdersAndRedaction() {
        for value in [
            "your-application-key", "<api-key>", "${API_KEY}", "{{ secrets.KEY }}", "xxxxxxxx", "changeme", "********",
            "$REPORT_FLOW_APP_KEY", "12345678",
        ] {
            XCTAssertTrue(Placeholder.isPlaceholder(value), value)
        }
        for value in ["hardcoded-key", "a8f3kq92mz71xw04", "rf_5d41402abc4b2a76"] {
            XCTAssertFalse(Placeholder.isPlaceholder(value), value)
        }
        XCTAssertEqual(Redaction.redact("a1b2c3d4e5f6"), "a1b…[redacted]")
        XCTAssertEqual(Redaction.redact("abcdefghijklmnopq"), "abcd…[redacted]")
        XCTAssertEqual(Redaction.redact("abc"), "…[redacted]")
        XCTAssertEqual(
            Redaction.scrubURLPasswords("fetch('http://admin:hunter2hunter2@10.0.0.5/x')"),
            "fetch('http://admin:hun…[redacted]@10.0.0.5/x')")
        XCTAssertEqual(Redaction.scrubURLPasswords("see https://docs.io/a@b"), "see https://docs.io/a@b")
    }

    func testCredentialNames() {
        for name in [
            "apiKey", "API_KEY_SECRET", "authHeader", "password", "x-api-key", "access_token", "APP_KEY", "credentials",
            "accessToken", "BEARER_TOKEN", "refresh_token",
        ] {
            XCTAssertTrue(CredentialNames.isCredentialName(name), name)
        }
        for name in [
            "tokenCount", "secretName", "password_length", "API_KEY_ID", "token_type", "keyPath", "tokenizer", "token",
            "TokenSpec", "acquire_token", "_starting_token",
        ] {
            XCTAssertFalse(CredentialNames.isCredentialName(name), name)
        }
    }
}

final class CRC32Tests: XCTestCase {
    func testCRC32AgainstPythonZlib() throws {
        let python = try TestSupport.requireTool("python3")
        for n in [0, 1, 30, 1000] {
            let input = SupportTests.bytes(n, seed: UInt64(n + 3))
            let hex = input.map { String($0, radix: 16).leftPadded(2) }.joined()
            let expected = try TestSupport.run(
                python, ["-c", "import zlib,sys; print(zlib.crc32(bytes.fromhex(sys.argv[1])))", hex]
            ).stdout
            XCTAssertEqual(String(CRC32.checksum(input)), expected.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF43926)
    }
}
