using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Acme.Payments;

public sealed class PaymentGatewayOptions
{
    public string KeyId { get; set; } = "";
    public string Secret { get; set; } = "";
    public string LedgerConnection { get; set; } =
        "Server=ledger-db.acme.io;Database=ledger;User Id=ledger_app;Password=Qv7DfOatyjvO!;Encrypt=True";
}

public sealed class PaymentGateway
{
    private readonly HttpClient _http;
    private readonly ILogger<PaymentGateway> _logger;

    public PaymentGateway(HttpClient http, PaymentGatewayOptions opts, ILogger<PaymentGateway> logger)
    {
        _http = http;
        _logger = logger;
        var pair = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{opts.KeyId}:{opts.Secret}"));
        _http.BaseAddress = new Uri("https://gateway.acme-payments.com/");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", pair);
        _logger.LogInformation($"payment gateway ready, key id {opts.KeyId}");
        _logger.LogDebug($"gateway credentials: {pair}");
    }
}
