using Dapper;
using Npgsql;

namespace NgTradingBot.Core.Persistence;

/// <summary>
/// Applies pending schema migrations at start-up, each in its own transaction, under an advisory lock
/// so that several Core instances never race. Creates the database first if the server has none of that
/// name (a configured server, or a container in a deployment). Retries until PostgreSQL answers; readiness
/// reports the progress through <see cref="SchemaMigrationHealthCheck"/>.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, IConfiguration configuration, ILogger<SchemaMigrator> logger) : BackgroundService
{
    /// <summary>The connection string name of Core's database, the same in every way the AppHost provides it.</summary>
    public const string ConnectionName = "ngtradingbot";

    private const long AdvisoryLockKey = 7_390_001;
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completed => _completed.Task;

    public int? CurrentVersion { get; private set; }

    public Exception? LastError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await EnsureDatabaseAsync(stoppingToken);
                CurrentVersion = await MigrateAsync(stoppingToken);
                LastError = null;
                _completed.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LastError = ex;
                logger.LogWarning("Schema migration failed, retrying in {Delay}: {Error}", delay, ex.Message);
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

    private async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey });
        try
        {
            await connection.ExecuteAsync("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     integer     PRIMARY KEY,
                    name        text        NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now())
                """);
            var applied = (await connection.QueryAsync<int>("SELECT version FROM schema_migrations")).ToHashSet();
            foreach (var migration in SchemaMigrations.All.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(migration.Sql, transaction: transaction);
                await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)",
                    new { migration.Version, migration.Name }, transaction);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
            }
            return await connection.ExecuteScalarAsync<int>("SELECT coalesce(max(version), 0) FROM schema_migrations");
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }
}
