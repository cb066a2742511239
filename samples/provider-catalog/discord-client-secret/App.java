System.setProperty("DISCORD_CLIENT_SECRET", "_hTMtuRS-m3gK6eVmQ3EFnrGwPs90NUc");
