use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Settings {
    pub listen: String,
    pub upstream: String,
    #[serde(skip_serializing)]
    pub api_key: String,
}

impl Settings {
    pub fn from_env() -> Self {
        Settings {
            listen: std::env::var("LISTEN").unwrap_or_else(|_| "http://127.0.0.1:8080".into()),
            upstream: std::env::var("UPSTREAM").unwrap_or_else(|_| "https://upstream.acme.io".into()),
            api_key: std::env::var("API_KEY").expect("API_KEY must be set"),
        }
    }

    pub fn describe(&self) {
        println!("listening on {} -> {}", self.listen, self.upstream);
        println!("api key configured: {}", !self.api_key.is_empty());
    }
}
