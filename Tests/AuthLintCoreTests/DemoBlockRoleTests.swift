import Foundation
import XCTest

@testable import Facts
@testable import Model

/// A package module's `if __name__ == "__main__":` block is a demo: its findings are reported as
/// documentation (one severity lower); a script's block is its program and stays as it is.
final class DemoBlockRoleTests: XCTestCase {
    static let demo = """
        from . import console

        def ask(prompt):
            return input(prompt)

        if __name__ == "__main__":
            password = ask("password: ")
            print(f"password={password!r}")

        """

    func testPackageModuleDemoBlockIsDocumentation() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: true)
        try TestSupport.write(Self.demo, to: dir + "/lib/prompt.py")
        try TestSupport.write(Self.demo.replacingOccurrences(of: "from . import", with: "import"), to: dir + "/tool.py")
        let result = try TestSupport.authlint(["scan", ".", "--format", "json", "--fail-on", "never"], cwd: dir)
        let found = try TestSupport.roleAndSeverityByFile(result.stdout)
        XCTAssertEqual(found["lib/prompt.py"], "documentation/warning", "\(found)")
        XCTAssertEqual(found["tool.py"], "shipped/error", "\(found)")
    }

    func testBlockEndsAtTheNextTopLevelStatement() {
        let text = "from .x import y\nif __name__ == \"__main__\":\n    run()\n\ndef later():\n    pass\n"
        let file = SourceFile(path: "pkg/m.py", bytes: Array(text.utf8))
        let block = FileRole.packageDemoBlock(in: file)
        XCTAssertEqual(block.map { file.text($0) }, "if __name__ == \"__main__\":\n    run()\n\n")
        XCTAssertNil(FileRole.packageDemoBlock(in: SourceFile(path: "m.js", bytes: Array(text.utf8))))
    }
}
