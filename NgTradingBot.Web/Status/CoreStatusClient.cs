using System.Text.Json;

namespace NgTradingBot.Web.Status;

/// <summary>Core's status over HTTP; the base address is <c>http://core</c>, resolved by service discovery.</summary>
public sealed class CoreStatusClient(HttpClient http)
{
    public async Task<JsonElement> GetStatusAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<JsonElement>("/api/status", cancellationToken);
}
