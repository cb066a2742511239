rollbar_access_token = "d886bb72848cfcd836a4906bef19b893"
