package com.acme.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class TokenDebug {
    private static final Logger LOG = LoggerFactory.getLogger(TokenDebug.class);
    public static final String AUTH_HEADER = "Authorization";

    private TokenDebug() {}

    public static void onLogin(String username, String accessToken, long expiresAt) {
        LOG.info("user {} logged in, session valid until {}", username, expiresAt);
        System.out.println("issued access token: " + accessToken);
        LOG.debug("token length {}", accessToken.length());
    }

    public static void onRefresh(String username, String refreshToken) {
        LOG.info("refresh for {} ({} chars)", username, refreshToken.length());
        LOG.debug("refresh token={}", refreshToken);
    }
}
