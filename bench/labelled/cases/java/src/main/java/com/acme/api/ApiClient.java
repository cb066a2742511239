package com.acme.api;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;

import java.io.IOException;

public class ApiClient {
    private final OkHttpClient client;
    private final String token = System.getenv("ACME_API_TOKEN");

    public ApiClient() {
        HttpLoggingInterceptor logging = new HttpLoggingInterceptor();
        logging.setLevel(HttpLoggingInterceptor.Level.BODY);
        this.client = new OkHttpClient.Builder().addInterceptor(logging).build();
    }

    public String fetchAccount(String id) throws IOException {
        Request request = new Request.Builder()
                .url("https://api.acme.io/v2/accounts/" + id)
                .header("Authorization", "Bearer " + token)
                .build();
        try (Response response = client.newCall(request).execute()) {
            return response.body().string();
        }
    }
}
