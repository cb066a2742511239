System.setProperty("SHORTCUT_API_TOKEN", "af4ce08c-9c30-4941-a5e5-58fb64570ee3");
