using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/symbol_specs: specifications for all subscribed symbols (OnInit) or for one new symbol
/// (heartbeat <c>symbols</c> path). Key in the X-API-Key header and the body.
/// </summary>
public sealed record SymbolSpecsRequest(long Account, IReadOnlyList<SymbolSpec> Symbols)
{
    public static EaParseResult<SymbolSpecsRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        var account = reader.Account();
        var items = reader.Array("symbols", emptyMessage: "No symbols provided");
        var specs = new List<SymbolSpec>(items.Count);
        for (var i = 0; i < items.Count && reader.Error is null; i++)
        {
            var item = reader.Item("symbols", i, items[i]);
            specs.Add(SymbolSpec.Read(item));
            reader.Adopt(item);
        }

        return reader.Result(new SymbolSpecsRequest(account, specs));
    }
}
