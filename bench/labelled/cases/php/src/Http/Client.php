<?php

namespace Acme\Http;

use GuzzleHttp\Client as Guzzle;

final class Client
{
    public const API_KEY_HEADER = 'X-Api-Key';

    public static function make(): Guzzle
    {
        return new Guzzle([
            'base_uri' => $_ENV['CATALOG_URL'] ?? 'https://catalog.acme.io/',
            'timeout' => 5.0,
            'verify' => true,
            'headers' => [
                self::API_KEY_HEADER => $_ENV['CATALOG_API_KEY'] ?? '',
                'Accept' => 'application/json',
            ],
        ]);
    }
}
