using System.Net.Http.Json;
using System.Text.Json;

namespace NgTradingBot.EaGateway.CoreApi;

public sealed record ConnectOutcome(string Outcome, string? ApiKey);

public sealed record SymbolList(IReadOnlyList<string> Symbols);

public sealed record Coverage(decimal CoveragePercent, bool NeedsUpdate, long BarCount, long ExpectedBars);

public sealed record SyncOutcome(IReadOnlyList<long> Inserted, IReadOnlyList<long> Updated, IReadOnlyList<long> Closed, bool Guarded,
    IReadOnlyList<SyncRowFailure>? Failed = null);

/// <summary>A reported position Core could not store, and why.</summary>
public sealed record SyncRowFailure(long Ticket, string Error);

/// <summary>
/// The few EA calls that need the database go to Core (the only writer of PostgreSQL) over HTTP,
/// addressed as <c>http://core</c> through service discovery. A 4xx from Core becomes
/// <see cref="CoreRefusedException"/>; a 5xx or no answer, <see cref="HttpRequestException"/>.
/// </summary>
public sealed class CoreEaClient(HttpClient http)
{
    public Task<ConnectOutcome> ConnectAsync(long login, string broker, IReadOnlyList<string> availableSymbols, string? remoteAddress, CancellationToken cancellationToken) =>
        ReadAsync<ConnectOutcome>(http.PostAsJsonAsync("/internal/ea/connect", new { login, broker, availableSymbols, remoteAddress }, cancellationToken), cancellationToken);

    public Task<SymbolList> GetSymbolsAsync(long login, CancellationToken cancellationToken) =>
        ReadAsync<SymbolList>(http.GetAsync($"/internal/ea/symbols?login={login}", cancellationToken), cancellationToken);

    /// <summary>Reconciles the account to the client's full list of open positions; answers after Core's commit.</summary>
    public Task<SyncOutcome> SyncTradesAsync(long login, JsonElement body, CancellationToken cancellationToken) =>
        ReadAsync<SyncOutcome>(http.PostAsJsonAsync($"/internal/ea/trades-sync?login={login}", body, cancellationToken), cancellationToken);

    public Task<Coverage> GetCoverageAsync(long? login, string symbol, string timeframe, int requiredBars, CancellationToken cancellationToken)
    {
        var query = $"symbol={Uri.EscapeDataString(symbol)}&timeframe={Uri.EscapeDataString(timeframe)}&requiredBars={requiredBars}"
            + (login is { } value ? $"&login={value}" : string.Empty);
        return ReadAsync<Coverage>(http.GetAsync($"/internal/ea/coverage?{query}", cancellationToken), cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(Task<HttpResponseMessage> sending, CancellationToken cancellationToken)
    {
        using var response = await sending;
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            throw new CoreRefusedException((int)response.StatusCode, await ReadMessageAsync(response, cancellationToken));
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new HttpRequestException($"Core answered {response.RequestMessage?.RequestUri?.AbsolutePath} with an empty body");
    }

    private static async Task<string> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String)
            {
                return message.GetString()!;
            }
        }
        catch (JsonException)
        {
        }
        return $"Core refused the request ({(int)response.StatusCode})";
    }
}
