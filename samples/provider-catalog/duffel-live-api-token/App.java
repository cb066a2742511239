System.setProperty("DUFFEL_ACCESS_TOKEN", "duffel_live_Zze-GytYsncUpE8e8lW6kjh3ppuqoq5iahAirdajvcM");
