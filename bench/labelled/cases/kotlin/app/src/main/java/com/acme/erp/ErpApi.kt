package com.acme.erp

import okhttp3.Credentials
import okhttp3.OkHttpClient
import okhttp3.Request

class ErpApi(private val client: OkHttpClient, private val cfg: ErpConfig) {

    fun stock(sku: String): String? {
        val request = Request.Builder()
            .url("https://erp.acme.io/api/stock/$sku")
            .header("Authorization", Credentials.basic(cfg.user, cfg.password))
            .header("X-Api-Key", cfg.apiKey)
            .build()
        client.newCall(request).execute().use { return it.body?.string() }
    }

    fun health(): Boolean {
        val request = Request.Builder().url("https://erp.acme.io/health").build()
        client.newCall(request).execute().use { return it.isSuccessful }
    }
}

data class ErpConfig(val user: String, val password: String, val apiKey: String)
