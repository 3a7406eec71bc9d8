using Microsoft.AspNetCore.Http.HttpResults;
using NgTradingBot.Core.Access;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Api;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.Core.History;

/// <summary>
/// An account's history for operators and strategies, each list paged newest first (<see cref="PageQuery"/>):
/// ticks, OHLC bars of its broker, balance transactions, the equity curve, EA logs, the audit trail, positions and the connection's health timeline.
/// </summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/accounts/{login}").RequireAccountAccess(AccessPolicies.ReadAccounts).AddEndpointFilter<PageQueryCheck>();
        api.MapGet("/ticks", TicksAsync);
        api.MapGet("/bars", BarsAsync);
        api.MapGet("/transactions", TransactionsAsync);
        api.MapGet("/equity", EquityAsync);
        api.MapGet("/logs", LogsAsync);
        api.MapGet("/audit", AuditAsync);
        api.MapGet("/positions", PositionsAsync);
        api.MapGet("/connection-events", ConnectionEventsAsync);
        return app;
    }

    /// <summary><c>?symbol=</c> narrows to one symbol.</summary>
    private static async Task<Results<Ok<HistoryPage<TickView>>, JsonHttpResult<ApiError>>> TicksAsync(
        long login, string? symbol, [AsParameters] PageQuery page, AccountHistory history, CancellationToken cancellationToken)
    {
        if (symbol is not null && !SymbolName.IsValid(symbol))
        {
            return ApiError.BadRequest($"symbol must be a symbol name ({SymbolName.Rule})");
        }

        return Found(login, await history.TicksAsync(login, symbol, page, cancellationToken));
    }

    /// <summary><c>?symbol=</c> and <c>?timeframe=</c> (M1, M5, M15, H1, H4, D1) are required: bars are kept per broker, symbol and timeframe.</summary>
    private static async Task<Results<Ok<HistoryPage<BarView>>, JsonHttpResult<ApiError>>> BarsAsync(
        long login, string? symbol, string? timeframe, [AsParameters] PageQuery page, AccountHistory history, CancellationToken cancellationToken)
    {
        if (!SymbolName.IsValid(symbol))
        {
            return ApiError.BadRequest($"symbol is required and must be a symbol name ({SymbolName.Rule})");
        }

        if (!EaWireNames.Timeframes.TryParse(timeframe?.ToUpperInvariant(), out var parsed))
        {
            return ApiError.BadRequest($"timeframe is required and must be one of {EaWireNames.Timeframes.Expected}");
        }

        return Found(login, await history.BarsAsync(login, symbol!, EaWireNames.Timeframes.ToWire(parsed), page, cancellationToken));
    }

    private static async Task<Results<Ok<HistoryPage<TransactionView>>, JsonHttpResult<ApiError>>> TransactionsAsync(
        long login, [AsParameters] PageQuery page, AccountHistory history, CancellationToken cancellationToken) =>
        Found(login, await history.TransactionsAsync(login, page, cancellationToken));

    private static async Task<Results<Ok<HistoryPage<EquityPoint>>, JsonHttpResult<ApiError>>> EquityAsync(
        long login, [AsParameters] PageQuery page, AccountHistory history, CancellationToken cancellationToken) =>
        Found(login, await history.EquityAsync(login, page, cancellationToken));

    /// <summary><c>?level=</c> (INFO, WARNING, ERROR) narrows to one level.</summary>
    private static async Task<Results<Ok<HistoryPage<EaLogView>>, JsonHttpResult<ApiError>>> LogsAsync(
        long login, string? level, [AsParameters] PageQuery page, AccountHistory history, CancellationToken cancellationToken)
    {
        EaLogLevel parsed = default;
        if (level is not null && !EaWireNames.LogLevels.TryParse(level.ToUpperInvariant(), out parsed))
        {
            return ApiError.BadRequest($"level must be one of {EaWireNames.LogLevels.Expected}");
        }

        return Found(login, await history.LogsAsync(login, level is null ? null : EaWireNames.LogLevels.ToWire(parsed), page, cancellationToken));
    }

    private static async Task<Results<Ok<HistoryPage<ConnectionEventView>>, JsonHttpResult<ApiError>>> ConnectionEventsAsync(
        long login, [AsParameters] PageQuery page, AccountHistory history, CancellationToken cancellationToken) =>
        Found(login, await history.ConnectionEventsAsync(login, page, cancellationToken));

    /// <summary><c>?status=</c> (open, closed) narrows to open or closed positions.</summary>
    private static async Task<Results<Ok<HistoryPage<PositionView>>, JsonHttpResult<ApiError>>> PositionsAsync(
        long login, string? status, [AsParameters] PageQuery page, AccountHistory history, CancellationToken cancellationToken)
    {
        var normalized = status?.Trim().ToLowerInvariant();
        if (normalized is not (null or "open" or "closed"))
        {
            return ApiError.BadRequest("status must be open or closed");
        }

        return Found(login, await history.PositionsAsync(login, normalized, page, cancellationToken));
    }

    /// <summary><c>?action=</c> narrows to one action, such as <c>account.connected</c>.</summary>
    private static async Task<Results<Ok<HistoryPage<AuditView>>, JsonHttpResult<ApiError>>> AuditAsync(
        long login, string? action, [AsParameters] PageQuery page, AccountHistory history, CancellationToken cancellationToken)
    {
        if (action is { Length: 0 or > 100 })
        {
            return ApiError.BadRequest("action must be 1 to 100 characters");
        }

        return Found(login, await history.AuditAsync(login, action, page, cancellationToken));
    }

    private static Results<Ok<HistoryPage<T>>, JsonHttpResult<ApiError>> Found<T>(long login, HistoryPage<T>? page) =>
        page is null ? ApiError.NotFound($"Account {login} is not known") : TypedResults.Ok(page);
}
