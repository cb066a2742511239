let databricksClientSecret = "dosea547f258032d3456c1514274ba5cbd98"
