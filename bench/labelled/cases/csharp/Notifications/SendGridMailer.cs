using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Acme.Notifications;

public sealed class SendGridMailer
{
    private readonly HttpClient _client = new();

    public SendGridMailer()
    {
        var apiKey = Environment.GetEnvironmentVariable("SENDGRID_API_KEY")
            ?? throw new InvalidOperationException("SENDGRID_API_KEY missing");
        _client.BaseAddress = new Uri("https://api.sendgrid.com/v3/");
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        Console.WriteLine(_client.DefaultRequestHeaders.ToString());
    }

    public Task<HttpResponseMessage> SendAsync(HttpContent body) => _client.PostAsync("mail/send", body);
}
