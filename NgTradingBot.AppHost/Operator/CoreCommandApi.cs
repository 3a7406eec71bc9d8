using System.Net.Http.Json;
using System.Text.Json;

namespace NgTradingBot.AppHost.Operator;

/// <summary>The two calls the dashboard's operator commands make to Core's API, as the operator: the same validated routes a strategy uses.</summary>
public sealed class CoreCommandApi(Uri coreUrl, string operatorKey)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    public sealed record Account(long Login, string Broker, string? ConnectionState);

    /// <summary>The command Core queued, or why it refused the order.</summary>
    public sealed record Created(string? CommandId, string Message)
    {
        public bool Success => CommandId is not null;
    }

    public async Task<IReadOnlyList<Account>> ListActiveAccountsAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "/api/accounts?enrollment=active");
        using var response = await Http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<List<Account>>(JsonSerializerOptions.Web, cancellationToken) ?? [];
    }

    /// <summary>Creates the order once: the idempotency key makes a retried request the same command.</summary>
    public async Task<Created> CreateOpenTradeAsync(long login, object payload, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"/api/accounts/{login}/commands");
        request.Content = JsonContent.Create(new { type = "OPEN_TRADE", priority = "HIGH", payload, createdBy = "aspire-dashboard" });
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await Http.SendAsync(request, cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (response.IsSuccessStatusCode)
        {
            var id = body.RootElement.GetProperty("id").GetString()!;
            return new Created(id, $"Command {id} is queued for account {login}; GET /api/commands/{id} on Core follows it.");
        }
        return new Created(null, body.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? "refused" : $"Core answered {(int)response.StatusCode}");
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(coreUrl, path));
        request.Headers.Authorization = new("Bearer", operatorKey);
        return request;
    }
}
