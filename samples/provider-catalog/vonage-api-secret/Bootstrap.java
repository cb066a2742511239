System.setProperty("VONAGE_API_SECRET", "u6zFB9KVBtS5XDAb");
