System.setProperty("TWITTER_API_KEY", "upbxk3SMCjLcUSEIZ94CQJoLI");
