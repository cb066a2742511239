variable "pinecone_api_key" {
  default = "pcsk_Js0JN9_w1vThUs2gBzfDxpA0Hk4ar2F4iywiSVbeBp0jpM9W8GR3uVpPg8KYJfCTuzYUUb"
}
