variable "db_username" {
  type    = string
  default = "orders_app"
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "orders" {
  identifier          = "orders-prod"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  allocated_storage   = 50
  username            = var.db_username
  password            = var.db_password
  skip_final_snapshot = false
}

resource "aws_db_instance" "orders_replica" {
  identifier          = "orders-reporting"
  engine              = "postgres"
  instance_class      = "db.t3.small"
  allocated_storage   = 50
  username            = "reporting"
  password            = "dIg5ify2s4re%Z"
  skip_final_snapshot = true
}

provider "datadog" {
  api_key = var.datadog_api_key
  app_key = var.datadog_app_key
}
