DOTENV_KEY = "dotenv://:key_1c40212251fb0fc5becb865d2eade30506079c7dd9dda43d9f436bb4a000d1fe@dotenv.org/vault/.env.vault?environment=production"
