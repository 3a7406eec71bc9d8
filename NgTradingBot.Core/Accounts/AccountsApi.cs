using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NgTradingBot.Core.Access;
using NgTradingBot.Core.Api;

namespace NgTradingBot.Core.Accounts;

/// <summary>The operator's account API: list, inspect, approve, block, and choose what each account streams.</summary>
public static class AccountsApi
{
    public const int MaxSymbols = 200;

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/accounts");
        api.MapGet("/", ListAsync);
        api.MapGet("/{login}", GetAsync).RequireAccountAccess(AccessPolicies.ReadAccounts);
        api.MapPost("/{login}/approve", ApproveAsync);
        api.MapPost("/{login}/block", BlockAsync);
        api.MapPut("/{login}/symbols", SetSymbolsAsync);
        return app;
    }

    public sealed record SymbolsChanged(long Login, IReadOnlyList<string> Symbols, IReadOnlyList<string> NotOfferedByBroker);

    private static async Task<Results<Ok<IReadOnlyList<AccountSummary>>, JsonHttpResult<ApiError>>> ListAsync(
        AccountQueries queries, string? enrollment, CancellationToken cancellationToken)
    {
        if (enrollment is not null and not (AccountEnrollment.Pending or AccountEnrollment.Active or AccountEnrollment.Blocked))
        {
            return ApiError.BadRequest($"enrollment must be one of {AccountEnrollment.Pending}, {AccountEnrollment.Active}, {AccountEnrollment.Blocked}");
        }

        return TypedResults.Ok(await queries.ListAsync(enrollment, cancellationToken));
    }

    private static async Task<Results<Ok<AccountDetails>, JsonHttpResult<ApiError>>> GetAsync(
        long login, AccountQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(login, cancellationToken) is { } details ? TypedResults.Ok(details) : UnknownAccount(login);

    private static async Task<Results<Ok<AccountApprovals.Decision>, JsonHttpResult<ApiError>>> ApproveAsync(
        long login, AccountApprovals approvals, CancellationToken cancellationToken) =>
        await approvals.ApproveAsync(login, cancellationToken) is { } decision ? TypedResults.Ok(decision) : UnknownAccount(login);

    private static async Task<Results<Ok<AccountApprovals.Decision>, JsonHttpResult<ApiError>>> BlockAsync(
        long login, AccountApprovals approvals, CancellationToken cancellationToken) =>
        await approvals.BlockAsync(login, cancellationToken) is { } decision ? TypedResults.Ok(decision) : UnknownAccount(login);

    /// <summary>Body: <c>{"symbols":["EURUSD","XAUUSD"]}</c> (a bare array is accepted too), in the order the EA should stream them.</summary>
    private static async Task<Results<Ok<SymbolsChanged>, JsonHttpResult<ApiError>>> SetSymbolsAsync(
        long login, HttpRequest request, SymbolSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
        using (document)
        {
            var symbols = error is null ? ReadSymbols(document!.RootElement, out error) : null;
            if (symbols is null)
            {
                return ApiError.BadRequest(error!);
            }

            var replaced = await subscriptions.SetAsync(login, symbols, cancellationToken);
            return replaced is null ? UnknownAccount(login) : TypedResults.Ok(new SymbolsChanged(login, replaced.Symbols, replaced.NotOfferedByBroker));
        }
    }

    /// <summary>The ordered, validated symbol list of a symbols body, or null with the reason.</summary>
    public static IReadOnlyList<string>? ReadSymbols(JsonElement body, out string? error)
    {
        var array = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("symbols", out var property) ? property : body;
        if (array.ValueKind != JsonValueKind.Array)
        {
            error = """The body must be {"symbols":["EURUSD",...]}""";
            return null;
        }

        var symbols = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            var symbol = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!SymbolName.IsValid(symbol))
            {
                error = $"symbols[{symbols.Count}] must be a symbol name ({SymbolName.Rule}), got {item.GetRawText()}";
                return null;
            }

            if (symbols.Contains(symbol!))
            {
                error = $"symbols[{symbols.Count}] repeats {symbol}";
                return null;
            }

            symbols.Add(symbol!);
        }

        error = symbols.Count > MaxSymbols ? $"At most {MaxSymbols} symbols can be subscribed (the EA samples each one every 50 ms)" : null;
        return error is null ? symbols : null;
    }

    private static JsonHttpResult<ApiError> UnknownAccount(long login) => ApiError.NotFound($"Account {login} is not known");
}
