import Foundation

/// Builds Reeflow requests for the iOS companion app.
enum ReeflowRequest {
    static let base = URL(string: "https://api.reeflow.com/v1")!

    /// Bad: the Basic header and the API key header on the same request.
    static func connections(keyID: String, secret: String, apiKey: String) -> URLRequest {
        var request = URLRequest(url: base.appendingPathComponent("connections"))
        let credentials = Data("\(keyID):\(secret)".utf8).base64EncodedString()
        request.setValue("Basic \(credentials)", forHTTPHeaderField: "Authorization")
        request.setValue(apiKey, forHTTPHeaderField: "X-API-Key")
        return request
    }

    /// Bad: the pair is interpolated without base64: "Invalid Basic auth format".
    static func me(keyID: String, secret: String) -> URLRequest {
        var request = URLRequest(url: base.appendingPathComponent("me"))
        request.setValue("Basic \(keyID):\(secret)", forHTTPHeaderField: "Authorization")
        return request
    }
}
