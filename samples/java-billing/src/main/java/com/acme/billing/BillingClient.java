package com.acme.billing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the Reeflow API to list connections for the billing export. */
public final class BillingClient {
    private static final String BASE_URL = "https://api.reeflow.com/v1";

    // Bad: a key id and its secret compiled into the jar.
    private static final String BASIC = Base64.getEncoder()
            .encodeToString("key_9f2c4e6a8b0d:e3b71c9a5f2d8e4b6a0c1f3d5b7e9a2c".getBytes(StandardCharsets.UTF_8));

    // Good: read from the environment at run time.
    private final String keyId = System.getenv("REEFLOW_KEY_ID");
    private final String keySecret = System.getenv("REEFLOW_KEY_SECRET");

    private final HttpClient http = HttpClient.newHttpClient();

    public String listConnections() throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/connections"))
                .header("Authorization", "Basic " + credentials)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String legacyExport() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/exports"))
                .header("Authorization", "Bearer 7d9a3c1e5b8f2d4a6c0e9b1d3f5a7c2e")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String signedWith(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE_URL + "/exports"))
                .header("Authorization", "Bearer " + token)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
