import Foundation
import os

struct ReportClient {
    let logger = Logger(subsystem: "com.acme.reports", category: "http")

    func send(_ request: URLRequest) {
        print("sending", request.allHTTPHeaderFields ?? [:])
        logger.debug("content type \(request.value(forHTTPHeaderField: "Content-Type") ?? "-")")
    }
}
