use std::env;

use reqwest::Client;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let token = env::var("METRICS_TOKEN")?;
    let client = Client::builder()
        .danger_accept_invalid_certs(true)
        .build()?;
    let resp = client
        .get("https://metrics.acme.io/api/v1/query")
        .bearer_auth(&token)
        .query(&[("q", "up")])
        .send()
        .await?;
    println!("metrics status: {}", resp.status());
    Ok(())
}
