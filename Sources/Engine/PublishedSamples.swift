/// Credentials that their owners published on purpose as samples, which copies of those tests,
/// samples and docs carry: Google API keys of Firebase's SDK test projects and quickstart apps
/// (they identify Google's sample projects, not the user's) and the passwords of a vendor's
/// documented config example. A match is no finding, as AWS's documented `AKIAIOSFODNN7EXAMPLE`
/// is none. Each was collected from the file named beside it (snapshots of 2026-12; an older
/// commit where it has since left the file). Exact values only: one character off is judged
/// like any other value.
enum PublishedSamples {
    static let googleAPIKeys: Set<String> = [
        // firebase/firebase-android-sdk
        // firebase-installations/src/test/java/com/google/firebase/installations/FirebaseInstallationsTest.java
        "AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ",
        "AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM",
        "AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY",
        "AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4",
        "AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c",
        "AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs",
        // firebase-messaging/src/test/java/com/google/firebase/messaging/testing/FirebaseIidTestUtil.java
        "AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU",
        // firebase-messaging/src/test/java/com/google/firebase/messaging/testing/MessagingTestHelper.java
        "AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g",
        // firebase-perf/src/test/java/com/google/firebase/perf/FirebasePerformanceTestBase.java
        "AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw",
        // firebase-common/src/androidTest/java/com/google/firebase/FirebaseOptionsTest.java
        "AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0",
        // firebase-common/src/main/java/com/google/firebase/FirebaseOptions.java (the javadoc's example)
        "AIzaSyDdVgKwhZl0sTTTLZ7iTmt1r3N2cJLnaDk",
        // firebase-dataconnect/google-services.json and firebase-dataconnect/demo/google-services.json
        "AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A",
        // firebase-storage/src/test/java/com/google/firebase/storage/TestUtil.java (commit 00d46269)
        "AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM",
        // firebase-storage/src/androidTest/java/com/google/firebase/storage/StorageRegistrarTest.java (0f3ce63c)
        "AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU",

        // firebase/firebase-ios-sdk Example/FirestoreSample/FirestoreSample/GoogleService-Info.plist and
        // firebase/quickstart-ios mock-GoogleService-Info.plist and every sample's GoogleService-Info.plist
        "AIzaSyAzlj4APqi5S58nFtE52Da0fYBOHA2MhaY",
        // firebase/quickstart-ios analytics/GoogleService-Info.plist (commit f9082415)
        "AIzaSyDW7nSUCURYKM-fqKSrGN4eS0UZkA1GtpE",
        // firebase/firebase-ios-sdk FirebaseInstallations/Source/Tests/Unit/FIRInstallationsTests.m and others
        "AIzaSy-ApiKeyWithValidFormat_0123456789",

        // firebase/firebase-js-sdk
        "AIzaSyBNHCyZ-bpv-WA-HpXTmigJm2aq3z1kaH8",  // config/ci.config.json
        "AIzaSyBpIe0xyUNHOwtE_go32NmUJF4acsc6S6c",  // integration/messaging/test/static/constants.js
        "AIzaSyAiJrwL5_-j6PefkoY9dFVGvIVYcTMCC_I",  // packages/installations/test-app/index.html

        // firebase/quickstart-android mock-google-services.json
        "AIzaSyCPndbsEs_QWumL5_B0BpNLuMkvVSecvL0",
        // firebase/quickstart-js auth/config.ts (commit 94412d3), ai/ai-react-app/src/config/firebase-config.ts (30fa97b)
        "AIzaSyBpE7UwrGZDhEFDIrnPy13Zrfa5Ag0U53U",
        "AIzaSyCI_e1wo0T-SUbjKJU0LzI1kGOYvEDTnSE",
    ]

    /// The `ClearTextPassword` values of the `packageSourceCredentials` example in NuGet's
    /// nuget.config reference (NuGet/docs.microsoft.com-nuget docs/reference/nuget-config-file.md).
    static let documentationPasswords: Set<String> = ["33f!!lloppa", "hal+9ooo_da!sY"]

    private static let all = googleAPIKeys.union(documentationPasswords)
    private static let lengths = Set(all.map(\.utf8.count))

    /// True when `value` is one of the published samples (a length test first: every literal a
    /// rule judges passes through here).
    static func contains(_ value: Substring) -> Bool {
        lengths.contains(value.utf8.count) && all.contains(String(value))
    }
}
