variable "render_api_key" {
  default = "rnd_IGATUQgGV05wV2AwbquSeOWxZiti2SKD"
}
