using System.Text.Json;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/ohlc/coverage: <c>{"symbol":"EURUSD","timeframe":"H1","required_bars":168}</c>. The body has no
/// account and no key (X-API-Key header at most), so it is not authenticated from the body.
/// </summary>
public sealed record OhlcCoverageRequest(string Symbol, Timeframe Timeframe, int RequiredBars)
{
    public static EaParseResult<OhlcCoverageRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        return reader.Result(new OhlcCoverageRequest(
            reader.Text("symbol"),
            reader.Choice("timeframe", EaWireNames.Timeframes),
            (int)reader.Integer("required_bars", 1, int.MaxValue)));
    }
}
