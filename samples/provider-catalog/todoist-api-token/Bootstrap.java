System.setProperty("TODOIST_API_TOKEN", "b4cb0e01b6b896f16bd18a4ef8b1833407fae6b6");
