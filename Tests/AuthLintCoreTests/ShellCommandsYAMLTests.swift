import Foundation
import XCTest

@testable import Facts
@testable import Lexing
@testable import Model

/// YAML strings are read for command lines of `FileFacts.yamlCommandPrograms` only (the HTTP
/// clients every reader of `shellCommands` asks about), with a byte test that skips strings that
/// cannot name one. Checked against the former split of every string, filtered to those programs,
/// and against the readers in `Sources/`.
final class ShellCommandsYAMLTests: XCTestCase {
    /// The split before the byte test: every plain string as commands of words (the former
    /// `yamlCommands`, verbatim but for the names).
    static func referenceCommands(_ file: SourceFile, _ tokens: [Token]) -> [ShellCommand] {
        var commands: [ShellCommand] = []
        for token in tokens where token.kind == .string && token.quote == 0 {
            let bytes = file.bytes[token.start..<token.end]
            guard bytes.count > 5 else { continue }
            var words: [ShellCommand.Word] = []
            func flush() {
                if let first = words.first {
                    commands.append(ShellCommand(program: FileFacts.programName(first.text), words: words))
                }
                words = []
            }
            var k = token.start
            while k < token.end {
                let b = file.bytes[k]
                if b == 0x0A || b == UInt8(ascii: ";") || b == UInt8(ascii: "|") || b == UInt8(ascii: "&") {
                    let continued =
                        b == 0x0A && k > token.start
                        && words.last.map { file.bytes[$0.range.upperBound - 1] == UInt8(ascii: "\\") } == true
                    if continued { words.removeLast() } else { flush() }
                    k += 1
                    continue
                }
                if b == 0x20 || b == 0x09 || b == 0x0D { k += 1; continue }
                var e = k
                var quote: UInt8 = 0
                while e < token.end {
                    let c = file.bytes[e]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == 0x22 || c == 0x27 {
                        quote = c
                    } else if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: ";")
                        || c == UInt8(ascii: "|") || c == UInt8(ascii: "&")
                    {
                        break
                    }
                    e += 1
                }
                let raw = String(decoding: file.bytes[k..<e], as: UTF8.self)
                words.append(.init(text: raw.filter { $0 != "\"" && $0 != "'" }, range: k..<e, token: nil))
                k = e
            }
            flush()
        }
        return commands
    }

    static func describe(_ commands: [ShellCommand]) -> [String] {
        commands.map { command in
            command.program + " | " + command.words.map { "\($0.text)@\($0.range)" }.joined(separator: " ")
        }
    }

    func check(_ text: [UInt8], _ message: String) {
        let file = SourceFile(path: "ci/steps.yml", bytes: text)
        let tokens = LexerRegistry.tokenize(file)
        let expected = Self.referenceCommands(file, tokens.tokens).filter {
            FileFacts.yamlCommandPrograms.contains($0.program)
        }
        let actual = FileFacts(file: file, tokens: tokens).shellCommands
        XCTAssertEqual(Self.describe(actual), Self.describe(expected), message)
    }

    func testCommandsOfTheHTTPClientsAreTheFormerSplit() {
        let cases = [
            "steps:\n  - run: curl -sk https://x.acme.io/hook | sh\n",
            "run: /usr/bin/curl -u \"ops:pw\" http://a.example/x; wget --no-check-certificate http://b.example\n",
            "run: cu\"rl\" -k https://q.example && 'wget' -q x\n",
            "script: |\n  echo start\n  curl -v \\\n    -H 'Authorization: Bearer t0k' \\\n    https://api.example/x\n  https --verify=no x.example\n",
            "pattern: requests.get(\"http://$X\", verify=False)\nmessage: curl is not used here\n",
            "run: make build && http POST api.example/x Authorization:t\n",
            "run: é\"curl\" -k x\nrun: c\u{301}url -k x\nrun: ./tools/wget -q x\n",
        ]
        for text in cases { check(Array(text.utf8), text) }
        let file = SourceFile(path: "ci.yml", bytes: Array(cases[2].utf8))
        let commands = FileFacts(file: file, tokens: LexerRegistry.tokenize(file)).shellCommands
        XCTAssertEqual(commands.map(\.program), ["curl", "wget"], "quotes the shell removes still name the program")
    }

    /// Seeded random YAML of plain strings mixing program names, quotes, separators, continued
    /// lines, multi-byte and invalid UTF-8: the same commands as the former split, filtered.
    func testRandomYAMLGivesTheFormerSplitFiltered() {
        var random = SeededGenerator(seed: 0x5EED_C0DE)
        let pieces: [[UInt8]] =
            [
                "curl", "wget", "http", "https", "/usr/bin/curl", "cu\"rl\"", "'wget'", "c", "url", "-k", "-H",
                "'Authorization: Bearer x'", "\"X-Key: v\"", "--insecure", "sh", "make", "echo", "http://a.example/p",
                " ", " ", " ", "  ", "\t", ";", "|", "&&", "\\\n    ", "\n    ", "\"", "'", "é", "\u{301}", "/", "=",
                ":",
            ].map { Array($0.utf8) } + [[0xC3], [0xA9], [0xFF], [0xE2, 0x80]]
        for round in 0..<400 {
            var text: [UInt8] = []
            for _ in 0..<Int(random.next() % 4 + 1) {
                text += Array((random.chance(50) ? "run: " : "- script: |\n    ").utf8)
                for _ in 0..<Int(random.next() % 12 + 1) { text += random.pick(pieces) }
                text += [0x0A]
            }
            check(text, "seed \(random.seed) round \(round): \(String(decoding: text, as: UTF8.self))")
        }
    }

    /// Every reader of `shellCommands` in `Sources/` looks only at programs of
    /// `yamlCommandPrograms` (`command.program == "…"` or a `switch command.program` over them):
    /// a reader of another program must add it there, or YAML strings will not give it one.
    func testEveryReaderAsksOnlyForTheYAMLPrograms() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources").path
        let files = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: root)).filter {
            $0.hasSuffix(".swift") && !$0.hasSuffix("ShellCommands.swift")
        }
        let quoted = try NSRegularExpression(pattern: "\"([a-z]+)\"")
        var readers = 0
        for name in files {
            let text = try String(contentsOfFile: root + "/" + name, encoding: .utf8)
            let lines = text.components(separatedBy: "\n").filter {
                !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//")
            }
            let uses = lines.filter { $0.contains("shellCommands") }
            guard !uses.isEmpty else { continue }
            var asked = Set<String>()
            var inSwitch = false
            for line in lines {
                if line.contains("switch command.program") { inSwitch = true; continue }
                if inSwitch && line.contains("default:") { inSwitch = false }
                guard
                    line.contains("program ==")
                        || (inSwitch && line.trimmingCharacters(in: .whitespaces).hasPrefix("case \""))
                else { continue }
                let range = NSRange(line.startIndex..., in: line)
                for match in quoted.matches(in: line, range: range) {
                    asked.insert(String(line[Range(match.range(at: 1), in: line)!]))
                }
            }
            for line in uses {
                XCTAssertTrue(
                    line.contains("where command.program ==") || text.contains("switch command.program"),
                    "\(name): a reader of every program: \(line)")
            }
            XCTAssertFalse(asked.isEmpty, name)
            XCTAssertTrue(asked.isSubset(of: FileFacts.yamlCommandPrograms), "\(name) asks for \(asked)")
            readers += 1
        }
        XCTAssertGreaterThanOrEqual(readers, 4, "the readers: three rules and the curl header sets")
    }
}
