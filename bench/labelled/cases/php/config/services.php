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
