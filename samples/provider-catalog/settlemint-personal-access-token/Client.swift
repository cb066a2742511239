let settlemintAccessToken = "sm_pat_RSVju0AKvi1buOMs"
