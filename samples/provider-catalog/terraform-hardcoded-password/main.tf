resource "aws_db_instance" "orders" {
  engine   = "postgres"
  username = "orders"
  password = "ordersdbprod"
}
