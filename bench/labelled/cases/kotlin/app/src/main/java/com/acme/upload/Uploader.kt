package com.acme.upload

import com.acme.BuildConfig
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody

class Uploader(private val client: OkHttpClient) {
    companion object {
        const val HEADER_API_KEY = "X-Api-Key"
        private const val ENDPOINT = "https://upload.acme.io/v1/files"
    }

    fun upload(name: String, bytes: ByteArray): Boolean {
        val request = Request.Builder()
            .url("$ENDPOINT?name=$name")
            .header(HEADER_API_KEY, BuildConfig.UPLOAD_API_KEY)
            .post(bytes.toRequestBody("application/octet-stream".toMediaType()))
            .build()
        client.newCall(request).execute().use { response ->
            android.util.Log.i("Uploader", "upload $name -> ${response.code}")
            return response.isSuccessful
        }
    }
}
