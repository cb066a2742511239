System.setProperty("FACEBOOK_APP_SECRET", "a5d627e685efee269cdb30235a0eef29");
