import Foundation

/// libFuzzer harnesses, one per input format; `AUTHLINT_FUZZ_TARGET` picks one (libFuzzer
/// allows one `LLVMFuzzerTestOneInput` per binary). `bench/fuzz.sh` compiles this file with
/// the stage targets' sources into one module (`swiftc -sanitize=fuzzer,address -parse-as-library`),
/// which is why it needs no import and sees internal types. It is not a SwiftPM target:
/// `swift build --sanitize=fuzzer` adds -parse-as-library to every executable (breaking the
/// RuleEmbedder build tool), and a target importing the stages @testable fails the release
/// build that pre-commit runs. To replay a crash input:
///   AUTHLINT_FUZZ_TARGET=lsp .build-fuzz/authlint-fuzz .build-fuzz/crash-lsp-…
/// A harness traps (precondition) on a broken invariant: libFuzzer reports that as a crash.
enum FuzzTargets {
    static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "lexers": lexers, "json": json, "gitignore": gitignore, "base64": base64, "lsp": lsp,
    ]

    /// One file name per lexer family (and the Go dialect).
    static let familyPaths = [
        "a.js", "a.go", "a.py", "a.rb", "a.sh", "a.yaml", "a.json", ".env", "Dockerfile",
        "a.xml", "nginx.conf", "a.http", "a.md", "a.txt",
    ]

    static func lexers(_ bytes: [UInt8]) {
        for path in familyPaths {
            let tokens = LexerRegistry.tokenize(SourceFile(path: path, bytes: bytes))
            var last = 0
            for (i, t) in tokens.enumerated() {
                precondition(
                    t.start >= last && t.start <= t.end && t.end <= bytes.count,
                    "\(path): token \(i) out of order or bounds")
                precondition(t.pairIndex < tokens.count, "\(path): token \(i) pairs past the end")
                last = t.start
            }
        }
    }

    /// The config/rule-file parser: JSON with and without comments, then the config and rule
    /// validators on whatever parsed (errors are fine; crashes and hangs are not).
    static func json(_ bytes: [UInt8]) {
        _ = try? JSONNode.parse(bytes, allowComments: true)
        _ = try? JSONNode.parse(bytes, allowComments: false)
        _ = try? Configuration.parse(bytes: bytes, path: ".authlint.json")
        _ = try? RuleLoader.parse(bytes: bytes, source: "fuzz.json")
    }

    /// First line up to a NUL byte: ignore-file text; the rest: one path per line.
    static func gitignore(_ bytes: [UInt8]) {
        let split = bytes.firstIndex(of: 0) ?? bytes.count / 2
        let patterns = String(decoding: bytes[..<split], as: UTF8.self)
        let paths = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
        let file = IgnoreFile(contents: patterns, directory: ["sub"])
        var stack = IgnoreStack()
        stack.files = [IgnoreFile(contents: patterns, directory: [])]
        for line in paths.split(separator: "\n").prefix(64) {
            let components = line.split(separator: "/")
            _ = file.verdict(["sub"] + components, isDirectory: line.hasSuffix("/"))
            _ = stack.isIgnored(components, isDirectory: false)
        }
    }

    /// Base64 decoding (both alphabets, padding on/off) with an encode/decode round trip, and
    /// the Basic-header checks built on it.
    static func base64(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for urlSafe in [false, true] {
            for requirePadding in [false, true] {
                _ = Base64.decode(text, urlSafe: urlSafe, requirePadding: requirePadding)
            }
        }
        // Empty input decodes to nil on purpose (no payload is no credential): round trip the rest.
        if !bytes.isEmpty { precondition(Base64.decode(Base64.encode(bytes)) == bytes, "base64 round trip") }
        for payload in HardcodedBasicAuthRule.basicPayloads(in: text) {
            _ = HardcodedBasicAuthRule.decodedPair(payload)
        }
        _ = MalformedBasicAuthRule.problem(with: text, isTemplate: false)
        _ = MalformedBasicAuthRule.problem(with: "Basic " + text, isTemplate: false)
    }

    /// LSP framing: the same stream fed whole and in chunks (sizes from the first byte) must
    /// yield the same messages; the reader must always make progress.
    static func lsp(_ bytes: [UInt8]) {
        func drain(_ reader: inout LSPFrameReader) -> [[UInt8]] {
            var messages: [[UInt8]] = []
            var events = 0
            while let event = reader.next() {
                if case .message(let body) = event { messages.append(body) }
                events += 1
                precondition(events <= bytes.count + 1, "more events than input bytes: no progress")
            }
            return messages
        }
        var whole = LSPFrameReader()
        whole.feed(bytes)
        let wholeMessages = drain(&whole)
        let chunk = max(1, Int(bytes.first ?? 7) % 64)
        var pieces = LSPFrameReader()
        var chunked: [[UInt8]] = []
        var i = 0
        while i < bytes.count {
            pieces.feed(bytes[i..<min(i + chunk, bytes.count)])
            chunked += drain(&pieces)
            i += chunk
        }
        precondition(chunked == wholeMessages, "chunked framing differs from whole-stream framing")
    }

    static let selected: @Sendable ([UInt8]) -> Void = {
        let name = ProcessInfo.processInfo.environment["AUTHLINT_FUZZ_TARGET"] ?? ""
        guard let target = all[name] else {
            fatalError("set AUTHLINT_FUZZ_TARGET to one of \(all.keys.sorted().joined(separator: ", "))")
        }
        return target
    }()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    FuzzTargets.selected(bytes)
    return 0
}

/// `AUTHLINT_FUZZ_TARGET=cli`: the binary is the authlint command line (arguments after the
/// program name), run once under this build's AddressSanitizer instead of fuzzing, so CI's
/// ASan scan (bench/sanitize.sh address) reuses this build instead of compiling the scanner a
/// third time. libFuzzer calls this before it reads its own flags.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> CInt {
    guard ProcessInfo.processInfo.environment["AUTHLINT_FUZZ_TARGET"] == "cli", let list = argv.pointee else {
        return 0
    }
    let arguments = (0..<Int(argc.pointee)).dropFirst().compactMap { list[$0].map { String(cString: $0) } }
    Console.occupyClosedStandardDescriptors()
    exit(CommandLineInterface.run(arguments))
}
