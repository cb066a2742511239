import Foundation

/// Report Flow client. The key comes from the environment; requests use HTTPS.
public struct ReportFlowClient {
    let session: URLSession
    let appKey: String

    public init(session: URLSession = .shared) throws {
        guard let key = ProcessInfo.processInfo.environment["REPORT_FLOW_APP_KEY"] else {
            throw ClientError.missingKey
        }
        self.session = session
        self.appKey = key
    }

    public func generate(designId: String) async throws -> Data {
        var request = URLRequest(url: URL(string: "https://api.re-port-flow.com/v1/file/sync/single")!)
        request.httpMethod = "POST"
        request.setValue(appKey, forHTTPHeaderField: "appkey")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, _) = try await session.data(for: request)
        return data
    }

    enum ClientError: Error { case missingKey }
}
