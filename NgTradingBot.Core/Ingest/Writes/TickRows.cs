using Npgsql;
using NpgsqlTypes;

namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>The ticks a batch stores, written with one binary COPY: the hot path, so no per-row statement.</summary>
public sealed class TickRows
{
    private readonly List<Row> _rows = [];

    private readonly record struct Row(long AccountId, string Symbol, decimal Bid, decimal Ask, long Volume, long BrokerTime, DateTime TickTime, DateTime ReceivedAt);

    public int Count => _rows.Count;

    public void Add(long accountId, string symbol, decimal bid, decimal ask, long volume, long brokerTime, DateTime tickTime, DateTimeOffset receivedAt) =>
        _rows.Add(new Row(accountId, symbol, bid, ask, volume, brokerTime, tickTime, receivedAt.UtcDateTime));

    public async Task FlushAsync(NpgsqlConnection connection)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY ticks (account_id, symbol, bid, ask, volume, broker_time, tick_time, received_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in _rows)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(row.AccountId, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.Symbol, NpgsqlDbType.Text);
                await importer.WriteAsync(row.Bid, NpgsqlDbType.Numeric);
                await importer.WriteAsync(row.Ask, NpgsqlDbType.Numeric);
                await importer.WriteAsync(row.Volume, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.BrokerTime, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.TickTime, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(row.ReceivedAt, NpgsqlDbType.TimestampTz);
            }

            await importer.CompleteAsync();
        }

        _rows.Clear();
    }
}
