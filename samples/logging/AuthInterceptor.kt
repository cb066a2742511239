package com.acme.android

import android.util.Log

class AuthInterceptor(private val accessToken: String) {
    fun log() {
        Log.d(TAG, "token=$accessToken")
        Log.d(TAG, "token set: ${accessToken.isNotEmpty()}")
    }

    companion object { const val TAG = "Auth" }
}
