provider "digitalocean" {
  token = "dor_v1_9f63642a596c6e5b2815c763929af4286cda4cde08d2eb7f9d401d21a10e1f14"
}
