using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/connect: registration, no authentication. Only <c>account</c> is required, as in the legacy
/// server: a connect that fails leaves the EA without a key, so everything else is optional.
/// <c>broker</c> is not escaped by the EA; parse the body with repair allowed.
/// </summary>
/// <param name="AvailableSymbols">Every broker symbol (can be thousands); empty when not sent.</param>
public sealed record ConnectRequest(
    long Account,
    string Broker,
    string Platform,
    long? Timestamp,
    IReadOnlyList<string> AvailableSymbols)
{
    public static EaParseResult<ConnectRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        var account = reader.Account();
        var broker = reader.OptionalText("broker") ?? "";
        var platform = reader.OptionalText("platform") ?? "";
        var timestamp = reader.OptionalInteger("timestamp", min: 0);
        var items = reader.OptionalArray("available_symbols");
        var symbols = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            symbols.Add(reader.ItemText("available_symbols", i, items[i]));
        }

        return reader.Result(new ConnectRequest(account, broker, platform, timestamp, symbols));
    }
}
