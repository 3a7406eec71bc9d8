using Dapper;
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
        await context.Connection.ExecuteAsync("""
            INSERT INTO ohlc_bars (broker, symbol, timeframe, open_time_broker, open, high, low, close, volume)
            SELECT @broker, @Symbol, @timeframe, * FROM unnest(@times, @opens, @highs, @lows, @closes, @volumes)
            ON CONFLICT (broker, symbol, timeframe, open_time_broker) DO UPDATE SET
                open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                volume = EXCLUDED.volume, received_at = now()
            """, new
        {
            broker = context.Account.Broker,
            upload.Symbol,
            timeframe,
            times = bars.Select(b => b.Timestamp).ToArray(),
            opens = bars.Select(b => b.Open).ToArray(),
            highs = bars.Select(b => b.High).ToArray(),
            lows = bars.Select(b => b.Low).ToArray(),
            closes = bars.Select(b => b.Close).ToArray(),
            volumes = bars.Select(b => b.TickVolume).ToArray(),
        }, context.Transaction);
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
