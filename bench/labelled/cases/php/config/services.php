<?php

return [
    'mailgun' => [
        'domain' => getenv('MAILGUN_DOMAIN'),
        'secret' => getenv('MAILGUN_SECRET'),
        'endpoint' => 'api.eu.mailgun.net',
    ],

    'shopify' => [
        'shop' => 'acme-outlet.myshopify.com',
        'access_token' => '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',
        'api_version' => '2024-07',
    ],

    'sentry' => [
        'dsn' => env('SENTRY_LARAVEL_DSN'),
    ],

    'docs' => 'https://laravel.com/docs/configuration',
];
