using System;
using System.Net.Http;

var apiKey = Environment.GetEnvironmentVariable("INVENTORY_API_KEY");
var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true
};

using var client = new HttpClient(handler);
client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
Console.WriteLine($"Calling inventory with key {apiKey}");
Console.WriteLine($"Machine: {Environment.MachineName}");

var result = await client.GetStringAsync("https://inventory.acme.io/api/stock");
Console.WriteLine(result);
