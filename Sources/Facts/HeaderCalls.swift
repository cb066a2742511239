import Lexing
import Model
import Support

/// Header-setting calls: `X.set("name", value)`, `setValue(_:forHTTPHeaderField:)` and the like.
public struct HeaderCall: Sendable {
    public var call: Int  // index into `calls`
    public var name: String
    public var nameToken: Int
    public var valueToken: Int
    /// The whole value argument as written (`os.Getenv("KEY")`), for comparing two values.
    public var valueText: String
}

extension FileFacts {
    /// Setter calls whose arguments are a header name and its value.
    static let headerSetters: Set<String> = [
        "set", "add", "append", "put", "header", "setHeader", "addHeader", "Set", "Add", "setRequestProperty",
        "addRequestProperty", "TryAddWithoutValidation", "withHeader", "setRequestHeader",
    ]

    private static let headerCallsKey = FactKey<[HeaderCall]>("headerCalls")
    /// Every header-setting call: `X.set("name", value)` forms and Swift's
    /// `setValue(value, forHTTPHeaderField: "name")`.
    public var headerCalls: [HeaderCall] {
        memo(Self.headerCallsKey) {
            var result: [HeaderCall] = []
            for (index, call) in calls.enumerated() {
                let args = call.arguments
                if call.name == "setValue" || call.name == "addValue", args.count == 2,
                    let label = args[1].first, text(label) == "forHTTPHeaderField",
                    let nameIndex = args[1].last, tokens[nameIndex].kind == .string, let valueIndex = args[0].first,
                    args[0].count >= 1
                {
                    result.append(
                        HeaderCall(
                            call: index, name: value(nameIndex), nameToken: nameIndex, valueToken: valueIndex,
                            valueText: sourceText(args[0])))
                    continue
                }
                guard Self.headerSetters.contains(call.name), args.count == 2, let valueIndex = args[1].first else {
                    continue
                }
                // Ktor `append(HttpHeaders.Authorization, …)`, Netty `HttpHeaderNames.AUTHORIZATION`.
                if let (nameIndex, headerName) = headerConstant(args[0]) {
                    result.append(
                        HeaderCall(
                            call: index, name: headerName, nameToken: nameIndex, valueToken: valueIndex,
                            valueText: sourceText(args[1])))
                    continue
                }
                guard args[0].count == 1, let nameIndex = args[0].first, tokens[nameIndex].kind == .string,
                    !tokens[nameIndex].isTemplate
                else { continue }
                let headerName = value(nameIndex)
                // Only names that look like header names: `set("appkey", v)` yes, `set("a b", v)` no.
                guard !headerName.isEmpty,
                    headerName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
                else { continue }
                result.append(
                    HeaderCall(
                        call: index, name: headerName, nameToken: nameIndex, valueToken: valueIndex,
                        valueText: sourceText(args[1])))
            }
            return result
        }
    }

    /// A header-name constant `HttpHeaders.Authorization` / `header::AUTHORIZATION`: a path whose
    /// receiver names headers, ending in a credential header's name. Its token and the header name.
    func headerConstant(_ argument: Range<Int>) -> (Int, String)? {
        guard argument.count == 3, let last = argument.last, tokens[last].kind == .identifier,
            tokens[argument.lowerBound].kind == .identifier,
            isPunct(argument.lowerBound + 1, ".") || isPunct(argument.lowerBound + 1, "::"),
            text(argument.lowerBound).lowercased().contains("header")
        else { return nil }
        let name = text(last).replacingOccurrences(of: "_", with: "-")
        guard CredentialNames.isHeaderName(name) else { return nil }
        return (last, name)
    }
}
