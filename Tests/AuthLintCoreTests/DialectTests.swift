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

final class DialectTests: XCTestCase {
    func testDialectsOfRealPaths() {
        let table: [(path: String, dialect: Dialect)] = [
            ("web/src/App.jsx", .js), ("api/index.mts", .ts), ("app/build.gradle.kts", .kotlin),
            ("Api/Client.cs", .csharp),
            ("cmd/main.go", .go), ("src/lib.rs", .rust), ("include/x.h", .c), ("ios/AppDelegate.mm", .cpp),
            ("scripts/deploy.zsh", .shell), ("ci/build.yml", .yaml), ("tsconfig.jsonc", .jsonc),
            ("public/index.php", .php),
            ("lib/tasks/x.rake", .ruby), ("docs/index.rst", .rst), ("LICENSE", .license), ("pkg/PKG-INFO", .pkgInfo),
            ("README.md", .md), ("Makefile", .other("makefile")), ("x.unknownext", .other("unknownext")),
            (".env.production", .other("production")),
        ]
        for (path, dialect) in table {
            XCTAssertEqual(SourceFile(path: path, bytes: []).dialect, dialect, path)
        }
        XCTAssertTrue(Dialect.md.isProse)
        XCTAssertFalse(Dialect.go.isProse)
        XCTAssertNil(Language.json.commentSyntax(dialect: .json))
        XCTAssertEqual(Language.json.commentSyntax(dialect: .jsonc)?.prefix, "//")
    }
}
