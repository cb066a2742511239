package com.acme.billing;

import okhttp3.logging.HttpLoggingInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class TokenFilter {
    private static final Logger log = LoggerFactory.getLogger(TokenFilter.class);

    void filter(HttpServletRequest request) {
        log.debug("Authorization: " + request.getHeader("Authorization"));
        log.debug("Content type: {}", request.getHeader("Content-Type"));
    }

    HttpLoggingInterceptor interceptor() {
        HttpLoggingInterceptor logging = new HttpLoggingInterceptor();
        logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
        return logging;
    }
}
