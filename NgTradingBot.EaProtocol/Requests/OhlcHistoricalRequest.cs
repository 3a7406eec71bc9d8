using System.Text.Json;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/ohlc/historical: a history upload. <c>account</c> is in the body, the key only in X-API-Key.
/// Candles may come newest first within a chunk (REQUEST_HISTORICAL_DATA): sort and deduplicate on
/// (symbol, timeframe, timestamp) when storing.
/// </summary>
public sealed record OhlcHistoricalRequest(long Account, string Symbol, Timeframe Timeframe, IReadOnlyList<Candle> Candles)
{
    public static EaParseResult<OhlcHistoricalRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        var account = reader.Account();
        var symbol = reader.Text("symbol");
        var timeframe = reader.Choice("timeframe", EaWireNames.Timeframes);
        var items = reader.Array("candles", emptyMessage: "No candles provided");
        var candles = new List<Candle>(items.Count);
        for (var i = 0; i < items.Count && reader.Error is null; i++)
        {
            var item = reader.Item("candles", i, items[i]);
            candles.Add(Candle.Read(item));
            reader.Adopt(item);
        }

        return reader.Result(new OhlcHistoricalRequest(account, symbol, timeframe, candles));
    }
}
