import Foundation
import XCTest

@testable import Engine

/// Positive and negative inputs for the structured-token validators (`StructuredTokenValidators.swift`).
final class StructuredTokenValidatorTests: XCTestCase {
    private func check(_ name: String, _ value: String) throws -> Bool {
        let validator = try XCTUnwrap(SecretValidators.named(name), "no validator named \(name)")
        return validator(Substring(value))
    }

    func testBase64JSONObject() throws {
        XCTAssertTrue(
            try check(
                "base64-json-object",
                "glc_eyJvIjoiODA0MjExIiwibiI6InN0YWNrLTU5MTAwMy1obS13cml0ZS1tZXRyaWNzIiwiayI6IldHUHlrdzNZVG9OTVc5Tmt2WGQ1dlpPQiIsIm0iOnsiciI6InByb2QtZXUtd2VzdC0yIn19"
            ))
        XCTAssertTrue(
            try check(
                "base64-json-object",
                "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"
            ))
        XCTAssertTrue(
            try check(
                "base64-json-object",
                "eyJrIjoiSXJPYUx1QXFraUw2ZHpjZHZHb0pXc2sxQ2RTWEFvWm0iLCJuIjoiY2ktZGVwbG95IiwiaWQiOjF9"))
        XCTAssertFalse(
            try check(
                "base64-json-object",
                "ops_jCaxrATD3PBJvWZrg7fmxjoshmj9DTY9pUIp15EYbwGQ8QfWMyHm9C6hTA_94UEulMNuJgDupAmAZe_9-nISKpY7V28heuqcF16AKDu7knw1t9oZb5wz58wsInm85T8s169BKqaErMyB6t7ZixM8PYY6r7RrZYaP"
            ))
        XCTAssertFalse(try check("base64-json-object", "glc_eyJub3QgY2xvc2Vk"))  // `{"not closed`
        XCTAssertFalse(try check("base64-json-object", "ops_WzEsMiwzXQ"))  // `[1,2,3]`: not an object
        // Object text whose values are not strict JSON (a leading-zero number) still counts.
        XCTAssertTrue(try check("base64-json-object", "sntrys_eyJpYXQiOjAxMjMsIm9yZyI6ImFjbWUifQ==_abc"))
    }

    func testSentryOrgTokenNeedsItsFields() throws {
        // `{"iat": <time>, "url": "https://acme.sentry.io", "region_url": …, "org": "acme"}`
        XCTAssertTrue(
            try check(
                "sentry-org-token",
                "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"
            ))
        // A self-hosted server writes `"url": null`.
        XCTAssertTrue(
            try check(
                "sentry-org-token",
                "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"
            ))
        XCTAssertFalse(
            try check(
                "sentry-org-token",
                "sntrys_eyJpYXQiOjE3MzMzOTAwMTEuNDEsInVybCI6Imh0dHBzOi8vYWNtZS5zZW50cnkuaW8ifQ==_yNwos/bDWmE4kuv4VGOfYcMuqbKLLp/2jfTuOQPeWID"
            ), "no org")
        XCTAssertFalse(
            try check(
                "sentry-org-token",
                "sntrys_eyJpYXQiOiJzb29uIiwidXJsIjoiaHR0cHM6Ly9hY21lLnNlbnRyeS5pbyIsIm9yZyI6ImFjbWUifQ==_yNwos/bDWmE4kuv4VGOfYcMuqbKLLp/2jfTuOQPeWID"
            ), "iat is not a time")
        XCTAssertFalse(
            try check(
                "sentry-org-token",
                "sntrys_eyJpYXQiOjE3MzMzOTAwMTEuNDEsInVybCI6Imh0dHBzOi8vYWNtZS5zZW50cnkuaW8iLCJvcmciOiIifQ==_yNwos/bDWmE4kuv4VGOfYcMuqbKLLp/2jfTuOQPeWID"
            ), "empty org")
        // `{"iat":1733390011.41,"url":"https://acme.sentry.io","org":"acme"}`: Sentry always writes region_url.
        XCTAssertFalse(
            try check(
                "sentry-org-token",
                "sntrys_eyJpYXQiOjE3MzMzOTAwMTEuNDEsInVybCI6Imh0dHBzOi8vYWNtZS5zZW50cnkuaW8iLCJvcmciOiJhY21lIn0=_yNwos/bDWmE4kuv4VGOfYcMuqbKLLp/2jfTuOQPeWID"
            ), "no region_url")
    }

    /// A PKCS#12 store is reported only when its DER names a key bag (pkcs8ShroudedKeyBag here).
    func testPKCS12NeedsAKeyBag() throws {
        let header: [UInt8] = [0x30, 0x82, 0x04, 0x1C, 0x02, 0x01, 0x03, 0x30, 0x82, 0x03, 0xD2]
        let shroudedKeyBag: [UInt8] = [0x06, 0x0B, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x0C, 0x0A, 0x01, 0x02]
        let filler = [UInt8](repeating: 0x5A, count: 90)
        let withKey = Data(header + filler + shroudedKeyBag + filler).base64EncodedString()
        let certificatesOnly = Data(header + filler + filler).base64EncodedString()
        XCTAssertTrue(try check("pkcs12-private-key", withKey))
        // Wrapped at 76 columns and indented, as in a YAML block scalar.
        let wrapped = stride(from: 0, to: withKey.count, by: 76).map { start in
            "    " + withKey.dropFirst(start).prefix(76)
        }.joined(separator: "\n")
        XCTAssertTrue(try check("pkcs12-private-key", wrapped))
        XCTAssertFalse(try check("pkcs12-private-key", certificatesOnly), "a truststore")
        XCTAssertFalse(try check("pkcs12-private-key", "MIIEHAIBAzCCA9IGCSqGSIb3DQEHAaCC"), "a header alone")
    }

    func testGrafanaAPIKeyNeedsItsFields() throws {
        XCTAssertTrue(
            try check(
                "grafana-api-key",
                "eyJrIjoiSXJPYUx1QXFraUw2ZHpjZHZHb0pXc2sxQ2RTWEFvWm0iLCJuIjoiY2ktZGVwbG95IiwiaWQiOjF9"))
        XCTAssertFalse(try check("grafana-api-key", "eyJrIjoiaEZrcnJReGVKNm1YSmxTd1A5MElmVlJoVWkwaWpJZmMiLCJuIjoieCJ9"))
        XCTAssertFalse(try check("grafana-api-key", "eyJrIjoiXXXXXXXX"))
    }

    func testBech32Checksum() throws {
        XCTAssertTrue(
            try check("bech32-checksum", "AGE-SECRET-KEY-1VASN8XFD8GLJ9SSKGZAX9PA0KWY3DUYL05EKHWYUJCMU4EKFTLFQS697SZ"))
        XCTAssertTrue(
            try check(
                "bech32-checksum",
                "AGE-SECRET-KEY-1VASN8XFD8GLJ9SSKGZAX9PA0KWY3DUYL05EKHWYUJCMU4EKFTLFQS697SZ".lowercased()))
        // one character changed
        XCTAssertFalse(
            try check("bech32-checksum", "AGE-SECRET-KEY-1VASN8XFD8GLJ9SQKGZAX9PA0KWY3DUYL05EKHWYUJCMU4EKFTLFQS697SZ"))
        XCTAssertFalse(try check("bech32-checksum", "AGE-SECRET-KEY-1" + String(repeating: "Q", count: 58)))
        XCTAssertFalse(try check("bech32-checksum", "AGE-SECRET-KEY-1qpzry9"))  // mixed case
    }

    func testHexDERPrivateKey() throws {
        // PKCS#8 Ed25519
        XCTAssertTrue(
            try check(
                "der-private-key-hex",
                "302e020100300506032b65700422042063dcae362676a92dd9915615f2b787adc6167850670a448e016c345cfdee8814"))
        XCTAssertTrue(
            try check(
                "der-private-key-hex",
                "307702010104207684E6329B76FA0D5B2137F3EBB729BFCA7198ECFB2DF180A92D091C052B79AFA00A06082A8648CE3D030107A14403420004D16B14EF6CA116244F9E01615422856733E6C9F90EA33671418B67D3C3205AF0B179EC0E21BDDDB799C7BF269BF0681F181E244B2CFD2D6825EC35E18F51C57F"
            ))  // SEC1 P-256, upper case
        XCTAssertTrue(
            try check(
                "der-private-key-hex",
                "3081a7020100022100cc3bd8411edbd25c2fad1280490295d50c5637606656d2cf66626ad05e88172e02030100010220e109ec5fb8db66c5713a4fdaa739a7b84f1bdfb0b85037c3cfb6acb63f624b700210c0f514e1706bf6e84111804be8afdf520210c97a8820eee5416ee14a68f7a8d39c2802104861adad9adcfc9eaab670316156e33202105801aa5ab14bf6d931e4aaaa2bcaa3420210a86abec0ddb43b68dcdc58a866001c80"
            ))  // PKCS#1 RSA
        // public key
        XCTAssertFalse(
            try check(
                "der-private-key-hex",
                "302a300506032b6570032100883300854ff3acfabffd2a82c8ce71ee3443bfd9bd6a778f87a09ec4a1d4c39b"))
        // cut short
        XCTAssertFalse(
            try check(
                "der-private-key-hex",
                "302e020100300506032b657004220420c44933bd05ff1ace4e139408f60e6a4c5ef88ea0f2b596934b31c119"))
        XCTAssertFalse(
            try check(
                "der-private-key-hex",
                "302e020100300506032b65700422042063dcae362676a92dd9915615f2b787adc6167850670a448e016c345cfdee8814"
                    + "00"))  // trailing byte
        XCTAssertFalse(try check("der-private-key-hex", "3082020100"))
    }

    func testBase64WrappedPEM() throws {
        XCTAssertTrue(
            try check(
                "base64-pem-private-key",
                "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1DNENBUUF3QlFZREsyVndCQ0lFSUdiS0xFTjFWQ0RnSWVaeTN0bXhzMk5yai9TM0xWeEFOVVoya3RqanMyRXYKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo="
            ))
        XCTAssertTrue(
            try check(
                "base64-pem-private-key",
                String(
                    "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1DNENBUUF3QlFZREsyVndCQ0lFSUdiS0xFTjFWQ0RnSWVaeTN0bXhzMk5yai9TM0xWeEFOVVoya3RqanMyRXYKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo="
                        .dropLast(3))))  // cut off
        XCTAssertFalse(
            try check(
                "base64-pem-private-key",
                "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0KTUNvd0JRWURLMlZ3QXlFQTArbnYvM3FTNUtEajZubXFLL29UaUQzL2RZVURIVlRMZmhKVnA3c0JrYTQ9Ci0tLS0tRU5EIFBVQkxJQyBLRVktLS0tLQo="
            ))  // public key
        XCTAssertFalse(
            try check(
                "base64-pem-private-key",
                "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCjxwYXN0ZSB5b3VyIGtleSBoZXJlLCBpdCBpcyBsb25nIGVub3VnaCB0byBjb3VudD4KLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQo="
            ))  // placeholder body
        XCTAssertFalse(try check("base64-pem-private-key", "LS0tLS1CRUdJTiBQUklWQVRF"))
    }
}
