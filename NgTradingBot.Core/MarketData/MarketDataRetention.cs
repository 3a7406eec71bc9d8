using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.MarketData;

/// <summary>
/// Keeps the market data within its retention: creates tick partitions ahead, drops the days past
/// <see cref="MarketDataOptions.TickRetention"/> whole (no row deletes, no long lock), and deletes equity samples
/// older than <see cref="MarketDataOptions.EquityRetention"/> in small chunks.
/// </summary>
public sealed class MarketDataRetention(NpgsqlDataSource dataSource, SchemaMigrator migrator, IOptions<MarketDataOptions> options,
    TimeProvider time, ILogger<MarketDataRetention> logger) : RecurringSweep(migrator, logger)
{
    private const int ChunkSize = 10_000;

    protected override string Name => "market data retention";

    protected override TimeSpan Interval => options.Value.RetentionCheckInterval;

    // After a long downtime the days past retention go at start, not an interval later.
    protected override bool RunsAtStart => true;

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var created = await TickPartitions.CreateAheadAsync(connection, today, settings.PartitionsAhead, cancellationToken);
        // A day is dropped only once every tick in it is older than the retention.
        var keepFrom = DateOnly.FromDateTime((now - settings.TickRetention).UtcDateTime);
        var dropped = await TickPartitions.DropBeforeAsync(connection, keepFrom, cancellationToken);
        if (created.Count > 0 || dropped.Count > 0)
        {
            logger.LogInformation("Tick partitions created {Created}, dropped {Dropped} (ticks kept from {KeepFrom})",
                string.Join(", ", created), string.Join(", ", dropped), keepFrom);
        }

        int deleted;
        do
        {
            await using var command = new NpgsqlCommand($"""
                DELETE FROM equity_samples WHERE (account_id, at) IN (
                    SELECT account_id, at FROM equity_samples WHERE at < $1 LIMIT {ChunkSize})
                """, connection);
            command.Parameters.AddValue(now - settings.EquityRetention);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        while (deleted == ChunkSize && !cancellationToken.IsCancellationRequested);
    }
}
