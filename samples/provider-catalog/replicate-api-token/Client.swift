let replicateApiToken = "r8_vlxjWKQ2k7EUQurO788OP6szOZaj0b3QsChYU"
