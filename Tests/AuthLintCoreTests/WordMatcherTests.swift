import XCTest

@testable import Support

/// `WordMatcher` is the byte test of the `wantsFile` gates: a word it misses is a file a rule
/// never sees, so each case here is one a gate relies on.
final class WordMatcherTests: XCTestCase {
    private func found(_ matcher: WordMatcher, _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return matcher.matches(in: bytes).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    }

    func testFindsEveryWordInEitherCaseInOrder() {
        let matcher = WordMatcher(["log", "print", "error!"])
        XCTAssertEqual(found(matcher, "Console.LOG(x); printf(y); ERROR!(z)"), ["LOG", "print", "ERROR!"])
        XCTAssertEqual(found(matcher, "syslog logger"), ["log", "log"], "no boundary asked: inside words too")
        XCTAssertEqual(found(matcher, "error(x)"), [], "every byte of a word counts, `!` included")
    }

    func testLongestWordFirstAtOneStart() {
        let matcher = WordMatcher(["api-key", "api", "x-api-key"])
        let bytes = Array("X-Api-Key".utf8)
        XCTAssertEqual(
            matcher.matches(in: bytes).map { matcher.words[$0.word].bytes.count }, [9, 7, 3],
            "x-api-key at 0, then api-key and api at 2")
    }

    func testBoundariesAreAnythingButLettersAndDigits() {
        let matcher = WordMatcher([WordMatcher.Word("auth", atWordStart: true, atWordEnd: true)])
        XCTAssertEqual(found(matcher, "auth"), ["auth"], "the input's ends are boundaries")
        XCTAssertEqual(found(matcher, "npm_config__auth=x"), ["auth"], "`_` is a boundary")
        XCTAssertEqual(found(matcher, "x-Auth: y"), ["Auth"])
        XCTAssertEqual(found(matcher, "author oauth auth2 2auth authX"), [], "letters and digits join words")
        XCTAssertEqual(found(matcher, "éauthé"), ["auth"], "a non-ASCII byte is a boundary")
        let start = WordMatcher([WordMatcher.Word("with", atWordStart: true)])
        XCTAssertEqual(found(start, "withField startsWith log.WithX"), ["with", "With"])
        let end = WordMatcher([WordMatcher.Word("key", atWordEnd: true)])
        XCTAssertEqual(found(end, "apikey keys key_id"), ["key", "key"])
    }

    func testCaseFoldTouchesOnlyLetters() {
        // `| 0x20` once turned `_` (0x5F) into DEL (0x7F) and `@` into a backtick.
        XCTAssertEqual(found(WordMatcher(["var_export"]), "VAR_EXPORT var\u{7F}export"), ["VAR_EXPORT"])
        XCTAssertEqual(found(WordMatcher(["`x"]), "@x `X"), ["`X"])
        XCTAssertEqual(found(WordMatcher(["[a"]), "{a [A"), ["[A"], "`{` is not `[` folded")
        XCTAssertEqual(ASCII.lowercase(UInt8(ascii: "_")), UInt8(ascii: "_"))
        XCTAssertEqual(ASCII.lowercase(UInt8(ascii: "Z")), UInt8(ascii: "z"))
        XCTAssertEqual(ASCII.lowercase(0xC3), 0xC3)
    }

    func testDigitsAndNonASCIIMatchExactly() {
        XCTAssertEqual(found(WordMatcher(["hs256", "café"]), "HS256 hs255 CAFÉ café"), ["HS256", "café"])
    }

    func testEmptyInputsAndWindows() {
        XCTAssertEqual(found(WordMatcher(["log"]), ""), [])
        XCTAssertEqual(found(WordMatcher([String]()), "log"), [])
        XCTAssertEqual(found(WordMatcher([""]), "log"), [], "an empty word matches nothing")
        let matcher = WordMatcher(["log"])
        let bytes = Array("log.log".utf8)
        XCTAssertEqual(matcher.matches(in: bytes, from: 1).map(\.start), [4])
        XCTAssertEqual(matcher.matches(in: bytes, from: 0, to: 1).map(\.start), [0], "may end after `to`")
        XCTAssertFalse(matcher.occurs(in: bytes, from: 5, to: 99), "a word cut off by the input's end is no match")
        XCTAssertFalse(matcher.occurs(in: bytes, from: 3, to: 3))
    }

    func testStopsAtTheFirstAcceptedMatch() {
        let matcher = WordMatcher(["a"])
        var seen = 0
        let accepted = Array("aaaa".utf8).withUnsafeBufferPointer { buffer in
            matcher.firstMatch(in: buffer) { match in
                seen += 1
                return match.start == 1
            }
        }
        XCTAssertTrue(accepted)
        XCTAssertEqual(seen, 2)
    }
}
