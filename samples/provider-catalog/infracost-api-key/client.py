client = Infracost(api_key="ico-AP0I68G5aKN9DhbPr8zF2GvyMInDuksH")
