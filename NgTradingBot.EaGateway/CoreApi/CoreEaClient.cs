using System.Net.Http.Json;

namespace NgTradingBot.EaGateway.CoreApi;

public sealed record ConnectOutcome(string Outcome, string? ApiKey);

public sealed record SymbolList(IReadOnlyList<string> Symbols);

public sealed record Coverage(decimal CoveragePercent, bool NeedsUpdate, long BarCount, long ExpectedBars);

public sealed record SyncOutcome(IReadOnlyList<long> Inserted, IReadOnlyList<long> Updated, IReadOnlyList<long> Closed, bool Guarded);

/// <summary>
/// The few EA calls that need the database go to Core (the only writer of PostgreSQL) over HTTP,
/// addressed as <c>http://core</c> through service discovery.
/// </summary>
public sealed class CoreEaClient(HttpClient http)
{
    public async Task<ConnectOutcome> ConnectAsync(long login, string broker, IReadOnlyList<string> availableSymbols, string? remoteAddress, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/internal/ea/connect",
            new { login, broker, availableSymbols, remoteAddress }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ConnectOutcome>(cancellationToken))!;
    }

    public async Task<SymbolList> GetSymbolsAsync(long login, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<SymbolList>($"/internal/ea/symbols?login={login}", cancellationToken))!;

    /// <summary>Reconciles the account to the client's full list of open positions; answers after Core's commit.</summary>
    public async Task<SyncOutcome> SyncTradesAsync(long login, System.Text.Json.JsonElement body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync($"/internal/ea/trades-sync?login={login}", body, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SyncOutcome>(cancellationToken))!;
    }

    public async Task<Coverage> GetCoverageAsync(long? login, string symbol, string timeframe, int requiredBars, CancellationToken cancellationToken)
    {
        var query = $"symbol={Uri.EscapeDataString(symbol)}&timeframe={Uri.EscapeDataString(timeframe)}&requiredBars={requiredBars}"
            + (login is { } value ? $"&login={value}" : string.Empty);
        return (await http.GetFromJsonAsync<Coverage>($"/internal/ea/coverage?{query}", cancellationToken))!;
    }
}
