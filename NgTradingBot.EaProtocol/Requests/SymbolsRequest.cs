using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>POST /api/symbols: <c>{"account":N,"api_key":"K"}</c>, asks for the subscribed symbol list.</summary>
public sealed record SymbolsRequest(long Account)
{
    public static EaParseResult<SymbolsRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        return reader.Result(new SymbolsRequest(reader.Account()));
    }
}
