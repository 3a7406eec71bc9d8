using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace NgTradingBot.Client;

/// <summary>The operator's reads across accounts: the fleet, one account's history, every command; and the ruling on an unknown outcome.</summary>
public sealed partial class OperatorClient
{
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The seeds' status document: connections with their health, commands by state, data and ingest totals.</summary>
    public Task<SystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken = default) =>
        SendAsync<SystemStatus>(new HttpRequestMessage(HttpMethod.Get, "/api/system/status"), cancellationToken, SnakeCase);

    public Task<IReadOnlyList<AccountSummary>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<AccountSummary>>(new HttpRequestMessage(HttpMethod.Get, "/api/accounts"), cancellationToken);

    public Task<AccountDetails> GetAccountAsync(long login, CancellationToken cancellationToken = default) =>
        SendAsync<AccountDetails>(new HttpRequestMessage(HttpMethod.Get, $"/api/accounts/{login}"), cancellationToken);

    /// <summary>Every account's commands, newest first, narrowed by <paramref name="query"/>.</summary>
    public Task<Page<Command>> FindCommandsAsync(CommandQuery query, CancellationToken cancellationToken = default) =>
        SendAsync<Page<Command>>(new HttpRequestMessage(HttpMethod.Get, "/api/commands" + query.ToQueryString()), cancellationToken);

    /// <summary>Settles an OUTCOME_UNKNOWN command by hand; Core refuses any other state with <see cref="ApiErrorKind.Conflict"/>.</summary>
    public Task<Command> ResolveAsync(string id, Resolution resolution, CancellationToken cancellationToken = default) =>
        SendAsync<Command>(new HttpRequestMessage(HttpMethod.Post, $"/api/commands/{Uri.EscapeDataString(id)}/resolve")
        {
            Content = JsonContent.Create(new { status = resolution.Status, ticket = resolution.Ticket, reason = resolution.Reason }),
        }, cancellationToken);

    /// <summary>Positions, most recently updated first; <paramref name="status"/> is open, closed or null for both.</summary>
    public Task<Page<Position>> ListPositionsAsync(long login, string? status, int limit, CancellationToken cancellationToken = default) =>
        History<Position>(login, "positions", limit, cancellationToken, ("status", status));

    /// <summary>The EA's log; <paramref name="level"/> is INFO, WARNING, ERROR or null for all.</summary>
    public Task<Page<EaLogEntry>> ListLogsAsync(long login, string? level, int limit, CancellationToken cancellationToken = default) =>
        History<EaLogEntry>(login, "logs", limit, cancellationToken, ("level", level));

    public Task<Page<EquityPoint>> ListEquityAsync(long login, int limit, CancellationToken cancellationToken = default) =>
        History<EquityPoint>(login, "equity", limit, cancellationToken);

    public Task<Page<ConnectionEventEntry>> ListConnectionEventsAsync(long login, int limit, CancellationToken cancellationToken = default) =>
        History<ConnectionEventEntry>(login, "connection-events", limit, cancellationToken);

    /// <summary>The newest quote of <paramref name="symbol"/> the account's EA sent, or null when it sent none.</summary>
    public async Task<Quote?> GetLastQuoteAsync(long login, string symbol, CancellationToken cancellationToken = default) =>
        (await History<Quote>(login, "ticks", 1, cancellationToken, ("symbol", symbol))).Items.FirstOrDefault();

    private Task<Page<T>> History<T>(long login, string list, int limit, CancellationToken cancellationToken, params (string Name, string? Value)[] filters)
    {
        var query = filters.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"&{f.Name}={Uri.EscapeDataString(f.Value!)}");
        var path = $"/api/accounts/{login}/{list}?limit={limit.ToString(CultureInfo.InvariantCulture)}{string.Concat(query)}";
        return SendAsync<Page<T>>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
    }
}
