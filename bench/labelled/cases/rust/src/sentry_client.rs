use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};

const API_TOKEN: &str = "939fbdc3fd126f18284e1386fb8623c547d04c35";
const API_BASE: &str = "https://sentry.io/api/0";

pub fn headers() -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Bearer {}", API_TOKEN)).unwrap());
    println!("request headers: {:?}", h);
    h
}

pub async fn projects(client: &reqwest::Client) -> reqwest::Result<String> {
    client
        .get(format!("{}/projects/", API_BASE))
        .headers(headers())
        .send()
        .await?
        .text()
        .await
}
