using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Core.Persistence;
using StackExchange.Redis;

namespace NgTradingBot.Core.Status;

public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatusAsync);
        app.MapGet("/api/system/status", GetSystemStatusAsync);
        return app;
    }

    public sealed record CoreStatus(string Service, string Version, string? SchemaMigration, long Accounts, long OpenCommands, double RedisPingMs, IngestStatus Ingest);

    /// <summary>Since Core started: messages stored, dead letters, and batches that had to take the slow path.</summary>
    public sealed record IngestStatus(long Stored, long DeadLetters, long IsolatedBatches, long Lag);

    // Answers from the real stores, so a 200 here proves Core reaches both PostgreSQL and Redis.
    private static async Task<IResult> GetStatusAsync(IDbContextFactory<TradingDbContext> contexts, IConnectionMultiplexer redis, SchemaMigrator migrator,
        IngestMetrics ingest, CancellationToken cancellationToken)
    {
        if (!migrator.Completed.IsCompletedSuccessfully)
        {
            return StillMigrating;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Accounts.LongCountAsync(cancellationToken);
        var openCommands = await db.Commands.LongCountAsync(c => CommandStatuses.Open.Contains(c.Status), cancellationToken);
        var ping = await redis.GetDatabase().PingAsync();
        var totals = ingest.Totals;
        return TypedResults.Ok(new CoreStatus("core", ServiceVersion, migrator.CurrentMigration, accounts, openCommands,
            Math.Round(ping.TotalMilliseconds, 2), new IngestStatus(totals.Stored, totals.Failed, totals.IsolatedBatches, ingest.Lag)));
    }

    /// <summary>The seeds' status document (snake_case, as they show it), for Web's 9905 and the UI.</summary>
    private static async Task<IResult> GetSystemStatusAsync(SystemStatusQuery query, SchemaMigrator migrator, CancellationToken cancellationToken) =>
        !migrator.Completed.IsCompletedSuccessfully
            ? StillMigrating
            : TypedResults.Json(await query.GetAsync(cancellationToken), SnakeCase);

    private static IResult StillMigrating =>
        TypedResults.Json(new { message = "Core is still migrating its schema", status = "error" }, statusCode: StatusCodes.Status503ServiceUnavailable);

    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };


    private static string ServiceVersion { get; } =
        typeof(StatusApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
