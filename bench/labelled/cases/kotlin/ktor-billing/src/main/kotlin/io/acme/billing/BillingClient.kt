package io.acme.billing

import io.ktor.client.HttpClient
import io.ktor.client.engine.cio.CIO
import io.ktor.client.request.get
import io.ktor.client.request.headers
import io.ktor.client.statement.bodyAsText
import io.ktor.http.HttpHeaders
import org.slf4j.LoggerFactory

class BillingClient(private val http: HttpClient = HttpClient(CIO)) {
    private val log = LoggerFactory.getLogger(BillingClient::class.java)
    private val token = System.getenv("BILLING_TOKEN") ?: error("BILLING_TOKEN is not set")
    private val apiKey = System.getenv("BILLING_API_KEY") ?: error("BILLING_API_KEY is not set")

    suspend fun invoices(customerId: String): String {
        val response = http.get("http://billing.acme-internal.io/v2/customers/$customerId/invoices") {
            headers {
                append(HttpHeaders.Authorization, "Bearer $token")
                append("X-API-Key", apiKey)
                append(HttpHeaders.Accept, "application/json")
            }
        }
        log.info("invoices for {} -> {}", customerId, response.status)
        return response.bodyAsText()
    }
}
