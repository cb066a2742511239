import Foundation
import os

final class SessionDelegate: NSObject, URLSessionDelegate {
    private let logger = Logger(subsystem: "io.acme.app", category: "net")

    func urlSession(_ session: URLSession,
                    didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        if let trust = challenge.protectionSpace.serverTrust {
            completionHandler(.useCredential, URLCredential(trust: trust))
        } else {
            completionHandler(.performDefaultHandling, nil)
        }
    }

    func didLogin(user: String, token: String) {
        logger.info("login ok for \(user, privacy: .public)")
        print("session token: \(token)")
    }
}
