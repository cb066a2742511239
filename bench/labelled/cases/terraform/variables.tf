variable "db_password" {
  description = "Master password for the reports database; set via TF_VAR_db_password."
  type        = string
  sensitive   = true
}

variable "api_token" {
  description = "Token for the monitoring provider (https://docs.example-monitoring.com/tokens)."
  type        = string
  sensitive   = true
  default     = ""
}

variable "environment" {
  type    = string
  default = "staging"
}

output "db_endpoint" {
  value = aws_db_instance.reports.endpoint
}
