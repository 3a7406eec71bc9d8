using System.Text.Json.Nodes;

namespace NgTradingBot.EaProtocol.Tests;

/// <summary>The contract's example bodies (EA_PROTOCOL.md section 5 and 12), and a way to vary one field.</summary>
internal static class EaBodies
{
    public const string Connect = """{"account":12345678,"broker":"Example Markets Ltd","platform":"MT5","timestamp":1730709000,"available_symbols":["EURUSD","GBPUSD","XAUUSD","BTCUSD"]}""";
    public const string Symbols = """{"account":12345678,"api_key":"K"}""";
    public const string SymbolSpecs = """{"account":12345678,"api_key":"K","symbols":[{"symbol":"EURUSD","volume_min":0.01,"volume_max":100.00,"volume_step":0.01,"stops_level":0,"freeze_level":0,"trade_mode":4,"digits":5,"point_value":0.0000100000,"contract_size":100000.00}]}""";
    public const string Coverage = """{"symbol":"EURUSD","timeframe":"H1","required_bars":168}""";
    public const string Historical = """{"account":12345678,"symbol":"EURUSD","timeframe":"H1","candles":[{"timestamp":1730102400,"open":1.08012,"high":1.08100,"low":1.07950,"close":1.08055,"volume":1534},{"timestamp":1730106000,"open":1.08055,"high":1.08090,"low":1.08001,"close":1.08040,"volume":1210}]}""";
    public const string Heartbeat = """{"account":12345678,"api_key":"K","timestamp":1730709002,"balance":10000.00,"equity":10012.34,"margin":120.50,"free_margin":9891.84,"profit_today":12.50,"profit_week":40.10,"profit_month":-5.20,"profit_year":120.00,"deposits_today":0.00,"deposits_week":0.00,"deposits_month":1000.00,"deposits_year":10000.00}""";
    public const string GetCommands = """{"account":12345678,"api_key":"K"}""";
    public const string CommandResponse = """{"account":12345678,"api_key":"K","command_id":"auto_1a2b3c4d","status":"completed","response":{"ticket":123456789,"price":1.08123,"volume":0.10,"sl":1.07950,"tp":1.08550,"tpsl_verified":true}}""";
    public const string ProfitUpdate = """{"account":12345678,"api_key":"K","balance":10000.00,"equity":10012.34,"profit_today":12.50,"profit_week":40.10,"profit_month":-5.20,"profit_year":120.00}""";
    public const string Transaction = """{"account":12345678,"api_key":"K","ticket":987654,"transaction_type":"BALANCE","amount":1000.00,"timestamp":1729000000,"comment":"Deposit","balance":10000.00}""";
    public const string Ticks = """{"account":12345678,"api_key":"K","ticks":[{"symbol":"EURUSD","bid":1.08112,"ask":1.08120,"spread":0.00008,"volume":0,"timestamp":1730709012,"tz_offset":-3600,"tradeable":false},{"symbol":"BTCUSD","bid":68950.12000,"ask":68975.40000,"spread":25.28000,"volume":0,"timestamp":1730709012,"tz_offset":-3600,"tradeable":true}],"positions":[{"ticket":123456789,"profit":-1.20,"swap":0.00}],"balance":10000.00,"equity":10012.34,"margin":120.50,"free_margin":9891.84,"profit_today":12.50,"profit_week":40.10,"profit_month":-5.20,"profit_year":120.00}""";
    public const string TradeOpen = """{"account":12345678,"api_key":"K","ticket":123456789,"symbol":"EURUSD","direction":"BUY","volume":0.10,"open_price":1.08123,"open_time":1730709010,"close_price":0.00000,"close_time":0,"sl":1.07950,"tp":1.08550,"profit":-0.80,"commission":-0.35,"swap":0.00,"status":"open","source":"MT5","close_reason":""}""";
    public const string TradeClose = """{"account":12345678,"api_key":"K","ticket":123456789,"symbol":"EURUSD","direction":"BUY","volume":0.10,"open_price":1.08123,"open_time":1730709010,"close_price":1.08550,"close_time":1730715000,"sl":0.00000,"tp":0.00000,"profit":42.70,"commission":-0.35,"swap":0.00,"status":"closed","source":"MT5","close_reason":"TP_HIT"}""";
    public const string Log = """{"account":12345678,"api_key":"K","level":"INFO","message":"EA connected to server","details":{"info":"Account: 12345678, Server: http://100.97.100.50:9900"}}""";
    public const string Disconnect = """{"account":12345678,"api_key":"K"}""";
    public const string TradesSync = """{"account":12345678,"api_key":"K","trades":[{"ticket":123456789,"symbol":"EURUSD","direction":"BUY","volume":0.10,"open_price":1.08123,"open_time":1730709010,"sl":1.07950,"tp":1.08550,"profit":-0.80,"swap":0.00,"commission":-0.35}]}""";

    /// <summary>
    /// The body with the field at <paramref name="path"/> (e.g. "ticks[0].bid", "details.info") set to the
    /// raw JSON <paramref name="rawValue"/>, or removed when it is null.
    /// </summary>
    public static string With(string body, string path, string? rawValue)
    {
        var root = JsonNode.Parse(body)!;
        var segments = path.Split('.');
        var parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = Step(parent, segment);
        }

        var last = segments[^1];
        var bracket = last.IndexOf('[');
        if (bracket >= 0)
        {
            var array = parent[last[..bracket]]!.AsArray();
            var index = int.Parse(last[(bracket + 1)..^1]);
            if (rawValue is null)
            {
                array.RemoveAt(index);
            }
            else
            {
                array[index] = JsonNode.Parse(rawValue);
            }
        }
        else if (rawValue is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = JsonNode.Parse(rawValue);
        }

        return root.ToJsonString();
    }

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[');
        return bracket < 0
            ? node[segment]!
            : node[segment[..bracket]]![int.Parse(segment[(bracket + 1)..^1])]!;
    }
}
