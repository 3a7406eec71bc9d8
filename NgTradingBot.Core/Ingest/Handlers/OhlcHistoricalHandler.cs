using Npgsql;
using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// History uploads, per broker. Chunks of a REQUEST_HISTORICAL_DATA upload arrive newest first and may
/// repeat bars, so they are sorted and deduplicated on the bar time before one upsert.
/// </summary>
public sealed class OhlcHistoricalHandler : IIngestHandler
{
    public string Kind => IngestKinds.OhlcHistorical;

    public async Task HandleAsync(IngestContext context)
    {
        var upload = context.Parse(OhlcHistoricalRequest.Parse);
        context.RequireAccount(upload.Account);
        var bars = upload.Candles.GroupBy(c => c.Timestamp).Select(g => g.Last()).OrderBy(c => c.Timestamp).ToList();
        var timeframe = EaWireNames.Timeframes.ToWire(upload.Timeframe);
        // Raw Npgsql: the bars go as arrays in one upsert on the ingest batch's own transaction, no mapping layer.
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO ohlc_bars (broker, symbol, timeframe, open_time_broker, open, high, low, close, volume)
            SELECT $1, $2, $3, * FROM unnest($4, $5, $6, $7, $8, $9)
            ON CONFLICT (broker, symbol, timeframe, open_time_broker) DO UPDATE SET
                open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                volume = EXCLUDED.volume, received_at = now()
            """, context.Connection, context.Transaction);
        upsert.Parameters
            .AddValue(context.Account.Broker)
            .AddValue(upload.Symbol)
            .AddValue(timeframe)
            .AddValue(bars.Select(b => b.Timestamp).ToArray())
            .AddValue(bars.Select(b => b.Open).ToArray())
            .AddValue(bars.Select(b => b.High).ToArray())
            .AddValue(bars.Select(b => b.Low).ToArray())
            .AddValue(bars.Select(b => b.Close).ToArray())
            .AddValue(bars.Select(b => b.TickVolume).ToArray());
        await upsert.ExecuteNonQueryAsync();
        context.Effects = new
        {
            symbol = upload.Symbol,
            timeframe,
            bars = bars.Count,
            duplicates = upload.Candles.Count - bars.Count,
            oldest = bars[0].Timestamp,
            newest = bars[^1].Timestamp,
        };
    }
}
