terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region     = "eu-central-1"
  access_key = "AKIAJRAWKVVWKOB2MYJH"
  secret_key = "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"
}

resource "aws_db_instance" "reports" {
  identifier          = "reports"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  username            = "reports_admin"
  password            = var.db_password
  skip_final_snapshot = false
}
