package io.acme.billing

import com.auth0.jwt.JWT
import com.auth0.jwt.algorithms.Algorithm
import io.ktor.server.application.Application
import io.ktor.server.application.install
import io.ktor.server.auth.Authentication
import io.ktor.server.auth.jwt.JWTPrincipal
import io.ktor.server.auth.jwt.jwt
import io.ktor.server.plugins.callloging.CallLogging

private const val JWT_SECRET = "6-tMF2TYCbhJ49x7w3-_MrTqyYBn4uBmPlAEay2iUYs"

fun Application.module() {
    val audience = environment.config.property("jwt.audience").getString()
    val issuer = environment.config.property("jwt.issuer").getString()

    install(CallLogging) {
        format { call -> "${call.request.httpMethod.value} ${call.request.uri} headers=${call.request.headers.entries()}" }
    }
    install(Authentication) {
        jwt("auth-jwt") {
            realm = "billing"
            verifier(
                JWT.require(Algorithm.HMAC256(JWT_SECRET))
                    .withAudience(audience)
                    .withIssuer(issuer)
                    .build()
            )
            validate { credential -> if (credential.payload.audience.contains(audience)) JWTPrincipal(credential.payload) else null }
        }
    }
}
