System.setProperty("DENO_DEPLOY_TOKEN", "ddp_pOcofTVt9Z3KSyakh83LNp3BWGp3T4fav9E0");
