using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// Deletes old ingest receipts. A receipt only has to outlive the window in which its entry could be
/// read again (stored, but Core stopped before acknowledging), and one is written per message, so they
/// are removed in small chunks once older than <see cref="IngestOptions.ReceiptRetention"/>.
/// </summary>
public sealed class ReceiptRetention(NpgsqlDataSource dataSource, SchemaMigrator migrator, IOptions<IngestOptions> options,
    ILogger<ReceiptRetention> logger) : RecurringSweep(migrator, logger)
{
    private const int ChunkSize = 10_000;

    protected override string Name => "deletion of old ingest receipts";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunPassAsync(CancellationToken cancellationToken)
    {
        int deleted;
        do
        {
            // Raw Npgsql: one plain DELETE on the ingest data source, nothing to map.
            await using var command = dataSource.CreateCommand($"""
                DELETE FROM ingest_receipts WHERE message_id IN (
                    SELECT message_id FROM ingest_receipts WHERE processed_at < now() - $1 LIMIT {ChunkSize})
                """);
            command.Parameters.AddValue(options.Value.ReceiptRetention);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        while (deleted == ChunkSize && !cancellationToken.IsCancellationRequested);
    }
}
