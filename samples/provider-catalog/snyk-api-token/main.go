var snykToken = "e5a5df3d-4794-40f8-9659-a00568dd8e9d"
