using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace NgTradingBot.Core.Persistence;

/// <summary>
/// A database the previous release created with its two SQL scripts: its own <c>schema_migrations</c> table says
/// version 2, and those scripts made exactly the schema the initial migration creates (a test compares the two
/// catalogs). Adopting it records the initial migration as applied, in one transaction: nothing is created
/// twice and no row moves. <c>schema_migrations</c> stays, so the previous release still starts on it.
/// </summary>
public static class PreviousReleaseSchema
{
    public const int AdoptableVersion = 2;

    public static async Task AdoptAsync(NpgsqlConnection connection, TradingDbContext context, ILogger logger, CancellationToken cancellationToken)
    {
        var version = await PreviousVersionAsync(connection, cancellationToken);
        var history = context.GetService<IHistoryRepository>();
        if (version is null || (await history.ExistsAsync(cancellationToken) && (await history.GetAppliedMigrationsAsync(cancellationToken)).Count > 0))
        {
            return;
        }
        if (version != AdoptableVersion)
        {
            throw new SchemaAdoptionException(
                $"The database is at the previous release's schema version {version}; only version {AdoptableVersion} can be adopted. " +
                (version < AdoptableVersion ? "Start the previous release once to bring it to version 2, then this one." : "It was made by a release newer than this one."));
        }

        var initial = context.Database.GetMigrations().First();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in new[] { history.GetCreateIfNotExistsScript(), history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())) })
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Adopted the previous release's schema version {Version} as migration {Migration}", version, initial);
    }

    private static async Task<int?> PreviousVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.schema_migrations') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return null;
        }
        await using var max = new NpgsqlCommand("SELECT max(version) FROM schema_migrations", connection);
        return await max.ExecuteScalarAsync(cancellationToken) is int version ? version : null;
    }
}

/// <summary>A database this release cannot take over as it is; the message says what to do.</summary>
public sealed class SchemaAdoptionException(string message) : Exception(message);
