import Foundation

struct APIClient {
    let baseURL = URL(string: "https://api.acme.io/v1")!
    let session: URLSession = .shared

    func profile(token: String) async throws -> Data {
        var request = URLRequest(url: baseURL.appendingPathComponent("me"))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
            throw URLError(.badServerResponse)
        }
        print("profile loaded, \(data.count) bytes")
        return data
    }

    func token() -> String? {
        KeychainStore.shared.string(forKey: "access_token")
    }
}
