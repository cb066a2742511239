import Foundation
import Lexing
import Model
import Support

/// The authority part of an `http://` / `https://` URL: its lower-cased host and whether it
/// carries `user@` / `user:pass@`. The one URL-host parser every fact and rule uses.
public struct URLAuthority: Sendable, Equatable {
    public var scheme: String
    public var host: String
    public var hasUserinfo: Bool

    /// Nil for other schemes (unless listed in `schemes`), an empty host, or a templated host
    /// (`http://${HOST}`, `http://%s`, `http://<host>`) that cannot be judged.
    public init?(_ text: String, schemes: [String] = ["http", "https"]) {
        let lower = text.lowercased()
        guard let scheme = schemes.first(where: { lower.hasPrefix($0 + "://") }) else { return nil }
        let authority = lower.dropFirst(scheme.utf8.count + 3).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var host = String(authority.split(separator: "@", omittingEmptySubsequences: false).last ?? "")
        if host.hasPrefix("[") {
            host = String(host.prefix { $0 != "]" }) + "]"
        } else {
            host = String(host.prefix { $0 != ":" })
        }
        guard !host.isEmpty, !host.contains(where: { "${}%<>()\\".contains($0) }) else { return nil }
        self.scheme = scheme
        self.host = host
        self.hasUserinfo = authority.contains("@")
    }
}

/// Where a host is, as far as sending credentials to it matters. Checked in this order.
public enum HostClass: Sendable, Equatable {
    /// `localhost`, `127.x`, `[::1]`, `0.0.0.0`, `[::]`, `*.localhost`: this machine.
    case loopback
    /// Names reserved for documentation and tests (RFC 2606/6761): `example.com`, `*.test`, `*.invalid`.
    case reserved
    /// Names of machines on a local network (mDNS `.local`, `.internal`, `.lan`, `.home.arpa`).
    case localNetworkName
    /// Listed in the configuration's `allowedHosts`.
    case allowed
    /// RFC 1918 and link-local IPv4 addresses.
    case privateAddress
    /// Anything else.
    case remote

    /// Loopback or reserved: a stand-in, never a real service.
    public var isStandIn: Bool { self == .loopback || self == .reserved }
}

/// The hosts a scan was told about: the ones plain http may reach (`allowedHosts`) and the APIs
/// whose plain-http use is an error (`apiHosts`). Handed to the facts by the engine.
public struct HostPolicy: Sendable {
    public var allowedHosts: [String]
    public var apiHosts: [String]

    public init(allowedHosts: [String] = [], apiHosts: [String] = []) {
        self.allowedHosts = allowedHosts
        self.apiHosts = apiHosts
    }

    public func classify(_ host: String) -> HostClass {
        let host = host.lowercased()
        if host == "localhost" || host == "0.0.0.0" || host == "[::1]" || host == "[::]" || host.hasPrefix("127.")
            || host.hasSuffix(".localhost")
        {
            return .loopback
        }
        if [".test", ".example", ".invalid"].contains(where: { host.hasSuffix($0) })
            || ["example.com", "example.net", "example.org"].contains(where: { host == $0 || host.hasSuffix("." + $0) })
        {
            return .reserved
        }
        // Single-label names (`backend`, `api_backend`, `redis`) resolve only inside a container
        // network, an nginx `upstream` or a search domain: internal by construction.
        if [".local", ".internal", ".lan", ".home.arpa"].contains(where: { host.hasSuffix($0) })
            || (!host.isEmpty && !host.contains(".") && !host.hasPrefix("[") && !host.contains(":"))
        {
            return .localNetworkName
        }
        if Self.matches(host, allowedHosts) { return .allowed }
        if Self.isPrivateAddress(host) { return .privateAddress }
        return .remote
    }

    /// Plain http to it is not worth a report: loopback, reserved, local-network or allowed.
    public func isLocalOrAllowed(_ host: String) -> Bool {
        switch classify(host) {
        case .loopback, .reserved, .localNetworkName, .allowed: return true
        case .privateAddress, .remote: return false
        }
    }

    public func isAPIHost(_ host: String) -> Bool { Self.matches(host.lowercased(), apiHosts) }

    /// True when `host` (or a subdomain, for test code's sake) belongs to the domain of an API
    /// host: `staging.re-port-flow.com` for `api.re-port-flow.com`.
    public func isInAPIDomain(_ host: String) -> Bool {
        let host = host.lowercased()
        return apiHosts.contains { pattern in
            let labels = pattern.lowercased().split(separator: ".").filter { $0 != "*" }
            guard labels.count >= 2 else { return host == pattern.lowercased() }
            let domain = labels.suffix(2).joined(separator: ".")
            return host == domain || host.hasSuffix("." + domain)
        }
    }

    /// Exact host or `*.suffix` (which also matches the bare suffix).
    public static func matches(_ host: String, _ patterns: [String]) -> Bool {
        patterns.contains { pattern in
            let p = pattern.lowercased()
            return p.hasPrefix("*.")
                ? host.hasSuffix(String(p.dropFirst(1))) || host == String(p.dropFirst(2)) : host == p
        }
    }

    static func isPrivateAddress(_ host: String) -> Bool {
        let parts = host.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4 else { return false }
        return parts[0] == 10 || (parts[0] == 172 && (16...31).contains(parts[1]))
            || (parts[0] == 192 && parts[1] == 168)
            || (parts[0] == 169 && parts[1] == 254)
    }
}

/// Hosts written in connection strings and settings of any scheme (`postgres://`, `jdbc:mysql://`,
/// `mongodb://`, `Server=tcp:…`), where `URLAuthority`'s http rules do not apply.
public enum ConnectionHosts {
    /// `postgres://u:p@db.acme.io:5432/app` → `db.acme.io:5432`: the authority after the first
    /// `://`, up to one of `terminators`, without its userinfo; nil when there is no `://`.
    public static func authority(in text: String, stoppingAt terminators: String) -> String? {
        guard let scheme = text.range(of: "://") else { return nil }
        let authority = text[scheme.upperBound...].prefix { !terminators.contains($0) }
        return authority.split(separator: "@").last.map(String.init) ?? ""
    }

    /// `db.acme.io:5432` → `db.acme.io`; `tcp:db.acme.io,1433` → `db.acme.io`; `[::1]:5432` → `[::1]`;
    /// `h1:27017,h2` → `h1` (the first of a list).
    public static func host(of hostPort: String) -> String? {
        var h = hostPort.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
        if h.lowercased().hasPrefix("tcp:") { h = String(h.dropFirst(4)) }
        if h.hasPrefix("[") { return String(h.prefix { $0 != "]" }) + "]" }
        h = String(h.prefix { $0 != ":" && $0 != "," && $0 != "/" })
        return h.isEmpty ? nil : h
    }
}
