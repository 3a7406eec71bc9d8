using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Microsoft.Extensions.Options;
using NgTradingBot.Core.Api;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Core.Trades;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.EaInternal;

/// <summary>
/// /api/trades/sync answers with what changed, so unlike the streamed EA traffic it is reconciled while
/// the client waits: the gateway forwards the validated body, the answer comes after the commit. A position
/// the list brings may be what an OUTCOME_UNKNOWN OPEN_TRADE opened: <see cref="OutcomeResolver"/> looks in the same transaction.
/// </summary>
public static class TradesSyncEndpoint
{
    public static RouteGroupBuilder MapTradesSync(this RouteGroupBuilder api)
    {
        api.MapPost("/trades-sync", SyncAsync);
        return api;
    }

    private static async Task<Results<Ok<SyncOutcome>, JsonHttpResult<ApiError>>> SyncAsync(
        long? login, HttpRequest request, NpgsqlDataSource dataSource, TradeSyncReconciler reconciler, [AsParameters] OutcomeServices outcomes,
        CancellationToken cancellationToken)
    {
        if (login is not > 0)
        {
            return ApiError.BadRequest("login must be a positive integer");
        }
        var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
        if (document is null)
        {
            return ApiError.BadRequest(error!);
        }
        using (document)
        {
            var sync = TradesSyncRequest.Parse(document.RootElement);
            if (!sync.IsSuccess)
            {
                return ApiError.BadRequest(sync.Error.Message);
            }
            if (sync.Value.Account != login)
            {
                return ApiError.BadRequest($"body account {sync.Value.Account} is not login {login}");
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // Raw Npgsql: the reconciliation below runs on this connection's transaction, and one scalar needs no mapper.
            await using var lookup = new NpgsqlCommand("SELECT id FROM accounts WHERE login = $1", connection);
            lookup.Parameters.AddValue(login.Value);
            if (await lookup.ExecuteScalarAsync() is not long accountId)
            {
                return ApiError.NotFound($"Account {login} is not known");
            }
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var outcome = await reconciler.ReconcileAsync(connection, transaction, accountId, login.Value, sync.Value.Trades);
            var resolved = sync.Value.Trades.Count > 0 ? await outcomes.Resolver.MatchAsync(connection, transaction, accountId) : [];
            await transaction.CommitAsync(cancellationToken);
            await TradeStore.LinkToOpeningCommandsAsync(connection, [.. outcome.Inserted.Select(ticket => (accountId, ticket))], outcomes.Logger);
            await OutcomeSettled.RetireAsync(resolved, outcomes.Queue, outcomes.Options.Value, outcomes.Metrics, outcomes.Changes, outcomes.Logger);
            return TypedResults.Ok(outcome);
        }
    }

    /// <summary>What settling an unknown outcome from a positions list needs.</summary>
    public sealed record OutcomeServices(OutcomeResolver Resolver, RedisCommandQueue Queue, IOptions<CommandOptions> Options, CommandMetrics Metrics,
        CommandChanges Changes, ILogger<OutcomeResolver> Logger);
}
