using Microsoft.AspNetCore.Http.HttpResults;
using NgTradingBot.Core.Access;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Api;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.Core.EaInternal;

/// <summary>
/// The few EA calls that need the database, asked by the gateway over HTTP (service name <c>core</c>).
/// The gateway has already authenticated and validated the EA's request; these answers are plain JSON
/// the gateway turns into the EA's wire format.
/// </summary>
public static class EaInternalApi
{
    public const int MaxRequiredBars = 100_000;

    public static IEndpointRouteBuilder MapEaInternalApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/internal/ea").RequireAuthorization(AccessPolicies.Service).ExcludeFromDescription();
        api.MapPost("/connect", ConnectAsync);
        api.MapGet("/symbols", GetSymbolsAsync);
        api.MapGet("/coverage", GetCoverageAsync);
        api.MapTradesSync();
        return app;
    }

    /// <summary>The gateway's connect: the EA's login, broker and every symbol the broker offers, plus the EA's address.</summary>
    public sealed record ConnectRequest(long Login, string? Broker, IReadOnlyList<string?>? AvailableSymbols, string? RemoteAddress);

    public sealed record SymbolsResponse(IReadOnlyList<string> Symbols);

    private static async Task<Results<Ok<ConnectOutcome>, JsonHttpResult<ApiError>>> ConnectAsync(
        ConnectRequest request, AccountRegistry registry, CancellationToken cancellationToken)
    {
        if (request.Login <= 0)
        {
            return ApiError.BadRequest("login must be a positive integer");
        }

        if (request.Broker is { Length: > 256 })
        {
            return ApiError.BadRequest("broker must be at most 256 characters");
        }

        // A broker name Core could never send back is dropped rather than failing the EA's connect.
        var symbols = (request.AvailableSymbols ?? []).Where(s => s is { Length: > 0 and <= 64 }).Select(s => s!).ToList();
        return TypedResults.Ok(await registry.ConnectAsync(request.Login, request.Broker ?? "", symbols, request.RemoteAddress, cancellationToken));
    }

    private static async Task<Results<Ok<SymbolsResponse>, JsonHttpResult<ApiError>>> GetSymbolsAsync(
        long? login, SymbolSubscriptions subscriptions, CancellationToken cancellationToken)
    {
        if (login is not > 0)
        {
            return ApiError.BadRequest("login must be a positive integer");
        }

        var symbols = await subscriptions.ForEaAsync(login.Value, cancellationToken);
        return symbols is null ? ApiError.NotFound($"Account {login} is not known") : TypedResults.Ok(new SymbolsResponse(symbols));
    }

    private static async Task<Results<Ok<CoverageReport>, JsonHttpResult<ApiError>>> GetCoverageAsync(
        long? login, string? symbol, string? timeframe, int? requiredBars, OhlcCoverage coverage, CancellationToken cancellationToken)
    {
        if (login is <= 0)
        {
            return ApiError.BadRequest("login must be a positive integer when given");
        }

        if (!SymbolName.IsValid(symbol))
        {
            return ApiError.BadRequest($"symbol must be a symbol name ({SymbolName.Rule})");
        }

        if (!EaWireNames.Timeframes.TryParse(timeframe, out var parsedTimeframe))
        {
            return ApiError.BadRequest($"timeframe must be one of {EaWireNames.Timeframes.Expected}");
        }

        if (requiredBars is not (> 0 and <= MaxRequiredBars))
        {
            return ApiError.BadRequest($"requiredBars must be between 1 and {MaxRequiredBars}");
        }

        var report = await coverage.MeasureAsync(login, symbol!, parsedTimeframe, requiredBars.Value, cancellationToken);
        return report is null ? ApiError.NotFound($"Account {login} is not known") : TypedResults.Ok(report);
    }
}
