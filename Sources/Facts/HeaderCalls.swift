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
                guard Self.headerSetters.contains(call.name), args.count == 2, args[0].count == 1,
                    let nameIndex = args[0].first, tokens[nameIndex].kind == .string, !tokens[nameIndex].isTemplate,
                    let valueIndex = args[1].first
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
}
