<?php

namespace Acme\Legacy;

class LegacyApiClient
{
    private string $token;

    public function __construct()
    {
        $this->token = getenv('LEGACY_API_TOKEN') ?: '';
    }

    public function fetch(string $path): array
    {
        $ch = curl_init('https://legacy.acme.io/api/' . ltrim($path, '/'));
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . $this->token]);
        error_log('legacy call with token ' . $this->token);
        $body = curl_exec($ch);
        error_log('legacy call status ' . curl_getinfo($ch, CURLINFO_HTTP_CODE));
        curl_close($ch);
        return json_decode($body, true) ?? [];
    }
}
