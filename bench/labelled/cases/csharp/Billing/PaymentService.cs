using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;

namespace Acme.Billing
{
    public class PaymentService
    {
        private readonly HttpClient _http;

        public PaymentService(HttpClient http, IConfiguration config)
        {
            _http = http;
            _http.BaseAddress = new System.Uri("https://apim.acme.io/payments/");
            _http.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", config["Payments:Token"]);
            _http.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", config["Payments:SubscriptionKey"]);
        }

        public async System.Threading.Tasks.Task<string> GetInvoiceAsync(string id)
        {
            var response = await _http.GetAsync($"invoices/{id}");
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync();
        }
    }
}
