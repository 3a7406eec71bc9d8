using System.Net.Http.Json;
using System.Text.Json;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>Core's command API as a strategy and an operator use it, plain HTTP.</summary>
public sealed class CoreCommands(DistributedApplication app) : IDisposable
{
    private readonly HttpClient _core = app.CreateCoreClient();

    public async Task<string> CreateAsync(long login, string type, object payload, string? priority = null, int? expiresInSeconds = null)
    {
        using var response = await _core.PostAsJsonAsync($"/api/accounts/{login}/commands", new { type, payload, priority, expiresInSeconds });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!
            : throw new InvalidOperationException($"creating {type} answered {(int)response.StatusCode}: {body}");
    }

    public async Task<JsonElement> GetAsync(string id) => await _core.GetFromJsonAsync<JsonElement>($"/api/commands/{id}");

    /// <summary>Waits until the command reaches the status (Core's sweeps and ingest run on their own clocks).</summary>
    public async Task<JsonElement> WaitForStatusAsync(string id, string status, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var command = await GetAsync(id);
        while (command.GetProperty("status").GetString() != status)
        {
            try
            {
                await Task.Delay(100, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{id} did not become {status}: {command}");
            }
            command = await GetAsync(id);
        }
        return command;
    }

    public async Task<(int Status, JsonElement Body)> ResolveAsync(string id, object ruling)
    {
        using var response = await _core.PostAsJsonAsync($"/api/commands/{id}/resolve", ruling);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>The command's transitions as "FROM->TO" (a creation is "->PENDING").</summary>
    public static IReadOnlyList<string> Steps(JsonElement command) =>
        [.. command.GetProperty("events").EnumerateArray().Select(e => $"{e.GetProperty("fromStatus").GetString()}->{e.GetProperty("toStatus").GetString()}")];

    /// <summary>The detail of the last transition into <paramref name="toStatus"/>.</summary>
    public static JsonElement StepInto(JsonElement command, string toStatus) =>
        command.GetProperty("events").EnumerateArray().Last(e => e.GetProperty("toStatus").GetString() == toStatus
            && e.GetProperty("fromStatus").GetString() != toStatus).GetProperty("detail");

    public void Dispose() => _core.Dispose();
}
