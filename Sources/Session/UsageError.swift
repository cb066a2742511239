import Config
import Discovery
import Engine
import Model
import Rules
import Support
import Suppression

/// A usage error: one line for the user, then the usage text, exit 2.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}
