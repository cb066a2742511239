import Foundation

final class ReportsService {
    private let base = URL(string: "https://reports.acme.io/api/v2")!
    private let token: String
    private let apiKey: String

    init(token: String, apiKey: String) {
        self.token = token
        self.apiKey = apiKey
    }

    func daily(_ day: String) async throws -> Data {
        var request = URLRequest(url: base.appendingPathComponent("daily/\(day)"))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue(apiKey, forHTTPHeaderField: "X-API-Key")
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }
}
