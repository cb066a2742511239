DATABRICKS_TOKEN = "dapi4a6accee73c77cdf05d0a1b3bbe1b4a5"
