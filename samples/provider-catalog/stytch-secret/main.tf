variable "stytch_secret" {
  default = "secret-live-IJV3aK2K1ZT5c7M1ekVDhNq1j0o1hLOQOrUM"
}
