using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

    /// <summary>The migration recorded as applied, or null when the database holds no previous release's schema.</summary>
    public static async Task<string?> AdoptAsync(TradingDbContext context, ILogger logger, CancellationToken cancellationToken)
    {
        var version = await PreviousVersionAsync(context, cancellationToken);
        if (version is null)
        {
            return null;
        }
        if (version != AdoptableVersion)
        {
            throw new SchemaAdoptionException(
                $"The database is at the previous release's schema version {version}; only version {AdoptableVersion} can be adopted. " +
                (version < AdoptableVersion ? "Start the previous release once to bring it to version 2, then this one." : "It was made by a release newer than this one."));
        }

        var history = context.GetService<IHistoryRepository>();
        var initial = context.Database.GetMigrations().First();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await context.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, ProductInfo.GetVersion())), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Adopted the previous release's schema version {Version} as migration {Migration}", version, initial);
        return initial;
    }

    private static async Task<int?> PreviousVersionAsync(TradingDbContext context, CancellationToken cancellationToken)
    {
        var exists = (await context.Database.SqlQuery<bool>($"""SELECT to_regclass('public.schema_migrations') IS NOT NULL AS "Value" """)
            .ToListAsync(cancellationToken)).Single();
        return exists
            ? (await context.Database.SqlQuery<int?>($"""SELECT max(version) AS "Value" FROM schema_migrations""").ToListAsync(cancellationToken)).Single()
            : null;
    }
}

/// <summary>A database this release cannot take over as it is; the message says what to do.</summary>
public sealed class SchemaAdoptionException(string message) : Exception(message);
