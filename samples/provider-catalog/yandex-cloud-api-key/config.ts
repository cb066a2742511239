export const config = {
  apiKey: 'AQVNi5CfO8xVs5dk1HlJRV9sAT6jqnDh1V8kM0rY',
};
