package com.acme.partner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration
public class PartnerConfig {
    public static final String API_KEY_HEADER = "X-API-Key";

    @Value("${acme.partner.base-url}")
    private String baseUrl;

    @Value("${acme.partner.api-key}")
    private String apiKey;

    @Bean
    public WebClient partnerClient(WebClient.Builder builder) {
        System.out.println("partner client for " + baseUrl + " (header " + API_KEY_HEADER + ")");
        return builder
                .baseUrl(baseUrl)
                .defaultHeader(API_KEY_HEADER, apiKey)
                .build();
    }
}
