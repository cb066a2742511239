import Foundation
import XCTest

@testable import Engine
@testable import Model
@testable import Rules
@testable import Support

/// `rules/schema.json` against the loader: every built-in rule file is valid under the schema
/// (checked by Python's jsonschema), and deliberately broken rule files fail both the schema and
/// `RuleLoader`, so the two describe the same format.
final class RuleSchemaTests: XCTestCase {
    static let schemaPath = TestSupport.packageRoot + "/rules/schema.json"

    /// Validates `files` with jsonschema; the verdict per file, in order: nil when valid, else the first error.
    func schemaVerdicts(_ files: [String]) throws -> [String?] {
        let python = try TestSupport.requireTool("python3")
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("NO-JSONSCHEMA"); sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            for path in sys.argv[2:]:
                errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
                print("OK" if not errors else "ERR " + errors[0].message.replace("\\n", " ")[:200])
            """
        let run = try TestSupport.run(python, ["-c", script, Self.schemaPath] + files)
        if run.status == 3 {
            if TestSupport.isCI { XCTFail("python jsonschema is required when CI=true") }
            throw XCTSkip("python jsonschema not installed")
        }
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, files.count, run.stdout + run.stderr)
        return lines.map { $0 == "OK" ? nil : $0 }
    }

    func testEveryBuiltinRuleFileIsValidUnderTheSchema() throws {
        let folder = TestSupport.packageRoot + "/rules"
        let files = try RuleLoader.ruleFileNames(in: folder).map { folder + "/" + $0 }
        XCTAssertEqual(files.count, try RuleLoader.builtinRules().count, "schema.json is not a rule; every rule is")
        for (file, verdict) in zip(files, try schemaVerdicts(files)) {
            XCTAssertNil(verdict, file)
        }
    }

    /// A valid pattern rule, then one change that both the schema and the loader must refuse.
    static let base = """
        "category": "hardcoded-credential", "severity": "error", "summary": "s", "description": "d", "fix": "f"
        """
    static let pattern = #""engine": "pattern", "keywords": ["acme_"], "pattern": "acme_[a-z0-9]{12}""#
    static let broken: [(name: String, json: String)] = [
        ("unknown key", #"{"id": "r", \#(base), \#(pattern), "categroy": "x"}"#),
        (
            "bad severity",
            #"{"id": "r", \#(base.replacingOccurrences(of: "\"error\"", with: "\"fatal\"")), \#(pattern)}"#
        ),
        (
            "no required summary",
            #"{"id": "r", "category": "hardcoded-credential", "severity": "error", "description": "d", "fix": "f", \#(pattern)}"#
        ),
        ("pattern rule without keywords", #"{"id": "r", \#(base), "engine": "pattern", "pattern": "x"}"#),
        (
            "pattern rule with no keyword",
            #"{"id": "r", \#(base), "engine": "pattern", "keywords": [], "pattern": "x"}"#
        ),
        ("structural rule with a pattern", #"{"id": "r", \#(base), "engine": "structural", "pattern": "x"}"#),
        ("unknown engine", #"{"id": "r", \#(base), "engine": "regex", "keywords": ["a"], "pattern": "x"}"#),
        ("window too small", #"{"id": "r", \#(base), \#(pattern), "windowReach": 8}"#),
        ("fractional group", #"{"id": "r", \#(base), \#(pattern), "secretGroup": 0.5}"#),
        ("empty keyword", #"{"id": "r", \#(base), "engine": "pattern", "keywords": [""], "pattern": "x"}"#),
        ("unknown validator", #"{"id": "r", \#(base), \#(pattern), "validator": "luhn"}"#),
        ("boolean as text", #"{"id": "r", \#(base), \#(pattern), "multiline": "yes"}"#),
        (
            "precedence outside credentials",
            #"{"id": "r", \#(base.replacingOccurrences(of: "hardcoded-credential", with: "insecure-transport")), \#(pattern), "precedence": "shape"}"#
        ),
        ("unknown precedence", #"{"id": "r", \#(base), \#(pattern), "precedence": "high"}"#),
        ("messages on a pattern rule", #"{"id": "r", \#(base), \#(pattern), "messages": {"a": "b"}}"#),
        ("secretless credential", #"{"id": "r", \#(base), \#(pattern), "secretless": true}"#),
        ("unknown role", #"{"id": "r", \#(base), \#(pattern), "severityIn": {"prod": "warning"}}"#),
        ("role severity", #"{"id": "r", \#(base), \#(pattern), "severityIn": {"test": "low"}}"#),
        ("bad id", #"{"id": "9r", \#(base), \#(pattern)}"#),
        (
            "empty at",
            #"{"id": "r", \#(base), \#(pattern), "examples": {"fire": [{"file": "a", "code": "c", "at": ""}]}}"#
        ),
        (
            "at in a pass example",
            #"{"id": "r", \#(base), \#(pattern), "examples": {"pass": [{"file": "a", "code": "c", "at": "c"}]}}"#
        ),
        ("example without code", #"{"id": "r", \#(base), \#(pattern), "examples": {"fire": [{"file": "a"}]}}"#),
        ("unknown example group", #"{"id": "r", \#(base), \#(pattern), "examples": {"maybe": []}}"#),
        (
            "count out of range",
            #"{"id": "r", \#(base), \#(pattern), "examples": {"fire": [{"file": "a", "code": "acme_", "at": "acme_", "count": 0}]}}"#
        ),
    ]

    func testBrokenRuleFilesFailBothTheSchemaAndTheLoader() throws {
        let dir = try TestSupport.temporaryDirectory()
        var files: [String] = []
        for (index, item) in Self.broken.enumerated() {
            let id = item.name == "bad id" ? "9r" : "r"
            let path = "\(dir)/\(index)/\(id).json"
            try TestSupport.write(item.json, to: path)
            files.append(path)
            XCTAssertThrowsError(
                try RuleLoader.parse(bytes: Array(item.json.utf8), source: path), "the loader accepts: \(item.name)")
        }
        // The same base with no change loads and validates: each change is what breaks its file.
        let good =
            #"{"id": "r", \#(Self.base), \#(Self.pattern), "examples": {"fire": [{"file": "a.py", "code": "acme_", "at": "acme_"}]}}"#
        XCTAssertNoThrow(try RuleLoader.parse(bytes: Array(good.utf8), source: dir + "/good/r.json"))
        try TestSupport.write(good, to: dir + "/good/r.json")
        let verdicts = try schemaVerdicts(files + [dir + "/good/r.json"])
        for (item, verdict) in zip(Self.broken, verdicts) {
            XCTAssertNotNil(verdict, "the schema accepts: \(item.name)")
        }
        XCTAssertNil(verdicts.last ?? "missing", "the schema refuses the valid rule")
    }

    /// The schema's enums are the loader's: a new validator, category or role must be added to both.
    func testSchemaEnumsAreTheLoaders() throws {
        let schema = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.schemaPath)))
                as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: [String: Any]])
        func values(_ key: String) -> Set<String> { Set((properties[key]?["enum"] as? [String]) ?? []) }
        XCTAssertEqual(values("validator"), Set(SecretValidators.names))
        XCTAssertEqual(values("category"), Set(RuleCategory.allCases.map(\.rawValue)))
        XCTAssertEqual(values("engine"), ["pattern", "structural", "project", "builtin"])
        XCTAssertEqual(values("severity"), Set([Severity.error, .warning, .note].map(\.rawValue)))
        XCTAssertEqual(values("precedence"), Set(CredentialPrecedence.Level.allCases.map { "\($0)" }))
        let roles = try XCTUnwrap(properties["severityIn"]?["properties"] as? [String: Any])
        XCTAssertEqual(Set(roles.keys), Set(RuleDefinition.FileRoleName.allCases.map(\.rawValue)))
        XCTAssertEqual(Set(properties.keys), RuleLoader.knownKeys, "every key the loader knows, and no other")
    }
}
