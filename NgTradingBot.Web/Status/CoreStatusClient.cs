using System.Text.Json;

namespace NgTradingBot.Web.Status;

/// <summary>Core's status over HTTP; the base address is <c>http://core</c>, resolved by service discovery.</summary>
public sealed class CoreStatusClient(HttpClient http)
{
    /// <summary>Core's system status document (the seeds' shape), as Core wrote it.</summary>
    public async Task<JsonElement> GetSystemStatusAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<JsonElement>("/api/system/status", cancellationToken);
}
