using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.MarketData;

namespace NgTradingBot.Core.Persistence;

/// <summary>
/// Applies pending EF Core migrations at start-up under an advisory lock, so that several Core instances never
/// race, after adopting a database the previous release made (<see cref="PreviousReleaseSchema"/>). Creates the
/// database first if the server has none of that name (a configured server, or a container in a deployment).
/// Retries until it succeeds; readiness reports the progress through <see cref="SchemaMigrationHealthCheck"/>.
/// Current includes today's tick partitions: ingest starts only then, and must never meet a day without one.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, IDbContextFactory<TradingDbContext> contexts, IConfiguration configuration,
    IOptions<MarketDataOptions> marketData, AccountRegistry accounts, TimeProvider time, ILogger<SchemaMigrator> logger) : BackgroundService
{
    /// <summary>The connection string name of Core's database, the same in every way the AppHost provides it.</summary>
    public const string ConnectionName = "ngtradingbot";

    private const long AdvisoryLockKey = 7_390_001;
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completed => _completed.Task;

    /// <summary>The last migration applied, once migrating is done.</summary>
    public string? CurrentMigration { get; private set; }

    public Exception? LastError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureDatabaseAsync(stoppingToken);
                CurrentMigration = await MigrateAsync(stoppingToken);
                await using (var connection = await dataSource.OpenConnectionAsync(stoppingToken))
                {
                    await TickPartitions.CreateAheadAsync(connection, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
                        marketData.Value.PartitionsAhead, stoppingToken);
                }

                LastError = null;
                _completed.TrySetResult();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Never given up: readiness stays Degraded with this error, which is what an operator needs to see.
                LastError = ex;
                var transient = StoreFailures.IsTransient(ex);
                logger.Log(transient ? LogLevel.Warning : LogLevel.Error, "Schema migration failed, retrying in {Delay}: {Error}", delay, ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
            }
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            var target = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ConnectionName));
            var database = target.Database!;
            target.Database = "postgres";
            await using var maintenance = new NpgsqlConnection(target.ConnectionString);
            await maintenance.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {new NpgsqlCommandBuilder().QuoteIdentifier(database)}", maintenance);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
                logger.LogInformation("Created database {Database}", database);
            }
            catch (PostgresException race) when (race.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another Core instance created it meanwhile.
            }
        }
    }

    private async Task<string?> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        // One session for everything below: the advisory lock belongs to the session that took it.
        await context.Database.OpenConnectionAsync(cancellationToken);
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            if (applied.Count == 0 && await PreviousReleaseSchema.AdoptAsync(context, logger, cancellationToken) is { } adopted)
            {
                applied.Add(adopted);
            }

            var pending = context.Database.GetMigrations().Except(applied).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying schema migrations {Migrations}", string.Join(", ", pending));
                await context.Database.MigrateAsync(cancellationToken);
            }

            await ModelWarmup.RunAsync(context, cancellationToken);
            await accounts.WarmUpAsync(context, cancellationToken);
            return pending.LastOrDefault() ?? applied.LastOrDefault();
        }
        finally
        {
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }
}
