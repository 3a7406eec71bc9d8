using System.Reflection;
using Dapper;
using Npgsql;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Infrastructure.Redis;

namespace NgTradingBot.Core.Status;

public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatusAsync);
        return app;
    }

    public sealed record CoreStatus(string Service, string Version, int? SchemaVersion, long Accounts, long OpenCommands, double RedisPingMs);

    // Answers from the real stores, so a 200 here proves Core reaches both PostgreSQL and Redis.
    private static async Task<IResult> GetStatusAsync(NpgsqlDataSource dataSource, RedisConnection redis, SchemaMigrator migrator)
    {
        if (!migrator.Completed.IsCompletedSuccessfully)
        {
            return TypedResults.Json(new { message = "Core is still migrating its schema", status = "error" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        var counts = await connection.QuerySingleAsync<(long Accounts, long OpenCommands)>("""
            SELECT (SELECT count(*) FROM accounts),
                   (SELECT count(*) FROM commands WHERE status IN ('PENDING', 'DELIVERED', 'OUTCOME_UNKNOWN'))
            """);
        var ping = await redis.Database.PingAsync();
        return TypedResults.Ok(new CoreStatus("core", ServiceVersion, migrator.CurrentVersion, counts.Accounts, counts.OpenCommands,
            Math.Round(ping.TotalMilliseconds, 2)));
    }

    private static string ServiceVersion { get; } =
        typeof(StatusApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
