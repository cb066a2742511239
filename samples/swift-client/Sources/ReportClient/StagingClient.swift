import Foundation

/// Written in a hurry for a demo: literal key, plain HTTP, and the key printed to the console.
enum StagingClient {
    static let baseURL = URL(string: "http://staging-api.re-port-flow.com/v1")!

    static func request(path: String) -> URLRequest {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.setValue("9c1185a5c5e9fc54612808977ee8f548b2258d31", forHTTPHeaderField: "appkey")
        print("auth header:", request.value(forHTTPHeaderField: "appkey") ?? "")
        return request
    }
}
