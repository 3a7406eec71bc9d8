using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "bad input";
}

/// <summary>
/// Malformed requests on every route: each gets a 4xx with a JSON message, and none of them reaches
/// the ingest stream or changes a single row. Runs on its own composition so nothing else writes meanwhile.
/// </summary>
[Collection(BadInputCollection.Name)]
public sealed class BadInputTests(AppFixture fixture)
{
    private const long Login = 77001;

    public sealed record Case(string Name, string Port, string Path, string? Body, int Expected, string? HeaderKey = null,
        HttpMethod? Method = null, byte[]? RawBody = null);

    private static IEnumerable<Case> Cases(string key)
    {
        var auth = $"\"account\":{Login},\"api_key\":\"{key}\"";
        var heartbeat = $"{{{auth},\"timestamp\":1730709002,\"balance\":10000.00,\"equity\":10012.34,\"margin\":120.50,\"free_margin\":9891.84,\"profit_today\":12.50,\"profit_week\":40.10,\"profit_month\":-5.20,\"profit_year\":120.00,\"deposits_today\":0.00,\"deposits_week\":0.00,\"deposits_month\":1000.00,\"deposits_year\":10000.00}}";
        var tick = "{\"symbol\":\"EURUSD\",\"bid\":1.08112,\"ask\":1.08120,\"spread\":0.00008,\"volume\":0,\"timestamp\":1730709012,\"tz_offset\":-3600,\"tradeable\":false}";
        var account = "\"balance\":10000.00,\"equity\":10012.34,\"margin\":120.50,\"free_margin\":9891.84,\"profit_today\":12.50,\"profit_week\":40.10,\"profit_month\":-5.20,\"profit_year\":120.00";
        string Trade(string ticket = "123456789", string direction = "\"BUY\"", string volume = "0.10", string status = "\"open\"", string openPrice = "1.08123") =>
            $"{{{auth},\"ticket\":{ticket},\"symbol\":\"EURUSD\",\"direction\":{direction},\"volume\":{volume},\"open_price\":{openPrice},\"open_time\":1730709010,\"close_price\":0.00000,\"close_time\":0,\"sl\":1.07950,\"tp\":1.08550,\"profit\":-0.80,\"commission\":-0.35,\"swap\":0.00,\"status\":{status},\"source\":\"MT5\",\"close_reason\":\"\"}}";
        string Transaction(string ticket = "987654", string amount = "1000.00", string timestamp = "1729000000") =>
            $"{{{auth},\"ticket\":{ticket},\"transaction_type\":\"BALANCE\",\"amount\":{amount},\"timestamp\":{timestamp},\"comment\":\"Deposit\",\"balance\":10000.00}}";
        const string candle = "{\"timestamp\":1730102400,\"open\":1.08012,\"high\":1.08100,\"low\":1.07950,\"close\":1.08055,\"volume\":1534}";

        // connect (no key at all; only the body's shape can be wrong)
        yield return new("connect: empty body", "command", "/api/connect", "", 400);
        yield return new("connect: not JSON", "command", "/api/connect", "hello", 400);
        yield return new("connect: JSON array", "command", "/api/connect", "[1,2]", 400);
        yield return new("connect: no account", "command", "/api/connect", "{\"broker\":\"X\",\"platform\":\"MT5\"}", 400);
        yield return new("connect: account is text", "command", "/api/connect", "{\"account\":\"abc\",\"broker\":\"X\"}", 400);
        yield return new("connect: negative account", "command", "/api/connect", "{\"account\":-5,\"broker\":\"X\"}", 400);
        yield return new("connect: account is fractional", "command", "/api/connect", "{\"account\":12.5,\"broker\":\"X\"}", 400);
        yield return new("connect: symbols not an array", "command", "/api/connect", "{\"account\":77002,\"available_symbols\":\"EURUSD\"}", 400);
        yield return new("connect: symbol not a string", "command", "/api/connect", "{\"account\":77002,\"available_symbols\":[\"EURUSD\",42]}", 400);
        // authentication
        yield return new("symbols: no key", "command", "/api/symbols", $"{{\"account\":{Login}}}", 401);
        yield return new("symbols: wrong key", "command", "/api/symbols", $"{{\"account\":{Login},\"api_key\":\"wrong-key\"}}", 401);
        yield return new("symbols: unknown account", "command", "/api/symbols", $"{{\"account\":99999999,\"api_key\":\"{key}\"}}", 401);
        yield return new("symbols: key is a number", "command", "/api/symbols", $"{{\"account\":{Login},\"api_key\":12345}}", 400);
        yield return new("symbols: account zero", "command", "/api/symbols", $"{{\"account\":0,\"api_key\":\"{key}\"}}", 401);
        yield return new("symbols: account is a lone surrogate", "command", "/api/symbols", $"{{\"account\":\"\\ud800\",\"api_key\":\"{key}\"}}", 400);
        yield return new("heartbeat: wrong key is 403", "command", "/api/heartbeat", heartbeat.Replace(key, "not-the-key"), 403);
        yield return new("heartbeat: key in the wrong header only", "command", "/api/heartbeat", $"{{\"account\":{Login}}}", 403, HeaderKey: "nope");
        // heartbeat / profit update
        yield return new("heartbeat: balance is text", "command", "/api/heartbeat", heartbeat.Replace("\"balance\":10000.00", "\"balance\":\"lots\""), 400);
        yield return new("heartbeat: NaN balance", "command", "/api/heartbeat", heartbeat.Replace("\"balance\":10000.00", "\"balance\":NaN"), 400);
        yield return new("heartbeat: negative timestamp", "command", "/api/heartbeat", heartbeat.Replace("1730709002", "-1"), 400);
        yield return new("heartbeat: equity missing", "command", "/api/heartbeat", heartbeat.Replace("\"equity\":10012.34,", ""), 400);
        yield return new("profit_update: equity is text", "command", "/api/profit_update", $"{{{auth},\"balance\":1.00,\"equity\":\"x\",\"profit_today\":0.00,\"profit_week\":0.00,\"profit_month\":0.00,\"profit_year\":0.00}}", 400);
        yield return new("profit_update: infinite balance", "command", "/api/profit_update", $"{{{auth},\"balance\":1e999,\"equity\":1.00,\"profit_today\":0.00,\"profit_week\":0.00,\"profit_month\":0.00,\"profit_year\":0.00}}", 400);
        // commands
        yield return new("get_commands: account is text", "command", "/api/get_commands", $"{{\"account\":\"{Login}\",\"api_key\":\"{key}\"}}", 400);
        yield return new("command_response: no command id", "command", "/api/command_response", $"{{{auth},\"status\":\"completed\",\"response\":{{}}}}", 400);
        yield return new("command_response: unknown command", "command", "/api/command_response", $"{{{auth},\"command_id\":\"cmd_doesnotexist\",\"status\":\"completed\",\"response\":{{\"ticket\":1}}}}", 404);
        yield return new("command_response: unknown status", "command", "/api/command_response", $"{{{auth},\"command_id\":\"cmd_x\",\"status\":\"done\",\"response\":{{}}}}", 400);
        yield return new("command_response: response is text", "command", "/api/command_response", $"{{{auth},\"command_id\":\"cmd_x\",\"status\":\"failed\",\"response\":\"oops\"}}", 400);
        // transactions
        yield return new("transaction: no ticket", "command", "/api/transaction", Transaction().Replace("\"ticket\":987654,", ""), 400);
        yield return new("transaction: negative ticket", "command", "/api/transaction", Transaction(ticket: "-3"), 400);
        yield return new("transaction: amount is text", "command", "/api/transaction", Transaction(amount: "\"1000\""), 400);
        yield return new("transaction: timestamp is text", "command", "/api/transaction", Transaction(timestamp: "\"yesterday\""), 400);
        yield return new("transaction: unknown type", "command", "/api/transaction", Transaction().Replace("\"BALANCE\"", "\"FREE_MONEY\""), 400);
        // ticks
        yield return new("ticks: empty tick list", "ticks", "/api/ticks", $"{{{auth},\"ticks\":[],\"positions\":[],{account}}}", 400);
        yield return new("ticks: ticks not an array", "ticks", "/api/ticks", $"{{{auth},\"ticks\":{tick},\"positions\":[],{account}}}", 400);
        yield return new("ticks: no ticks", "ticks", "/api/ticks", $"{{{auth},\"positions\":[],{account}}}", 400);
        yield return new("ticks: balance is text", "ticks", "/api/ticks", $"{{{auth},\"ticks\":[{tick}],\"positions\":[],{account.Replace("10000.00", "\"rich\"")}}}", 400);
        yield return new("ticks/batch: wrong key", "ticks", "/api/ticks/batch", $"{{\"account\":{Login},\"api_key\":\"bad\",\"ticks\":[{tick}],\"positions\":[],{account}}}", 401);
        // trades
        yield return new("trades/update: no ticket", "trades", "/api/trades/update", Trade().Replace("\"ticket\":123456789,", ""), 400);
        yield return new("trades/update: ticket is text", "trades", "/api/trades/update", Trade(ticket: "\"abc\""), 400);
        yield return new("trades/update: unknown direction", "trades", "/api/trades/update", Trade(direction: "\"UP\""), 400);
        yield return new("trades/update: negative volume", "trades", "/api/trades/update", Trade(volume: "-0.10"), 400);
        yield return new("trades/update: unknown status", "trades", "/api/trades/update", Trade(status: "\"pending\""), 400);
        yield return new("trades/update: open price is NaN text", "trades", "/api/trades/update", Trade(openPrice: "\"NaN\""), 400);
        yield return new("trades/sync: trades not an array", "trades", "/api/trades/sync", $"{{{auth},\"trades\":{{}}}}", 400);
        yield return new("trades/sync: trade with negative volume", "trades", "/api/trades/sync", $"{{{auth},\"trades\":[{{\"ticket\":5,\"symbol\":\"EURUSD\",\"direction\":\"BUY\",\"volume\":-1,\"open_price\":1.1,\"open_time\":1730709010,\"sl\":1.0,\"tp\":1.2,\"profit\":0,\"swap\":0,\"commission\":0}}]}}", 400);
        // logs
        yield return new("log: empty message", "logs", "/api/log", $"{{{auth},\"level\":\"INFO\",\"message\":\"\",\"details\":{{\"info\":\"x\"}}}}", 400);
        yield return new("log: level is a number", "logs", "/api/log", $"{{{auth},\"level\":5,\"message\":\"m\",\"details\":{{\"info\":\"x\"}}}}", 400);
        yield return new("log: no message", "logs", "/api/log", $"{{{auth},\"level\":\"INFO\",\"details\":{{\"info\":\"x\"}}}}", 400);
        // symbol specs and history
        yield return new("symbol_specs: empty list", "command", "/api/symbol_specs", $"{{{auth},\"symbols\":[]}}", 400, HeaderKey: key);
        yield return new("symbol_specs: negative volume_min", "command", "/api/symbol_specs", $"{{{auth},\"symbols\":[{{\"symbol\":\"EURUSD\",\"volume_min\":-0.01,\"volume_max\":100.00,\"volume_step\":0.01,\"stops_level\":0,\"freeze_level\":0,\"trade_mode\":4,\"digits\":5,\"point_value\":0.0000100000,\"contract_size\":100000.00}}]}}", 400, HeaderKey: key);
        yield return new("ohlc/historical: no candles", "command", "/api/ohlc/historical", $"{{\"account\":{Login},\"symbol\":\"EURUSD\",\"timeframe\":\"H1\"}}", 400, HeaderKey: key);
        yield return new("ohlc/historical: empty candles", "command", "/api/ohlc/historical", $"{{\"account\":{Login},\"symbol\":\"EURUSD\",\"timeframe\":\"H1\",\"candles\":[]}}", 400, HeaderKey: key);
        yield return new("ohlc/historical: unknown timeframe", "command", "/api/ohlc/historical", $"{{\"account\":{Login},\"symbol\":\"EURUSD\",\"timeframe\":\"H2\",\"candles\":[{candle}]}}", 400, HeaderKey: key);
        yield return new("ohlc/historical: key missing", "command", "/api/ohlc/historical", $"{{\"account\":{Login},\"symbol\":\"EURUSD\",\"timeframe\":\"H1\",\"candles\":[{candle}]}}", 401);
        yield return new("ohlc/coverage: no symbol", "command", "/api/ohlc/coverage", "{\"timeframe\":\"H1\",\"required_bars\":168}", 400, HeaderKey: key);
        yield return new("ohlc/coverage: negative bars", "command", "/api/ohlc/coverage", "{\"symbol\":\"EURUSD\",\"timeframe\":\"H1\",\"required_bars\":-1}", 400, HeaderKey: key);
        yield return new("ohlc/coverage: timeframe is a lone surrogate", "command", "/api/ohlc/coverage", "{\"symbol\":\"EURUSD\",\"timeframe\":\"\\ud800\",\"required_bars\":168}", 400, HeaderKey: key);
        // Windows-1252 bytes the gateway accepts but Core cannot store as a symbol: Core's 400 reaches the EA as a 400.
        yield return new("ohlc/coverage: symbol Core refuses", "command", "/api/ohlc/coverage", "{\"symbol\":\"E\u00e4URUSD\",\"timeframe\":\"H1\",\"required_bars\":168}", 400, HeaderKey: key);
        yield return new("disconnect: wrong key", "command", "/api/disconnect", $"{{\"account\":{Login},\"api_key\":\"zzz\"}}", 401);
        // routing, methods, sizes, encodings
        yield return new("unknown route", "command", "/api/nope", "{}", 404);
        yield return new("ticks on the command port", "command", "/api/ticks", $"{{{auth},\"ticks\":[{tick}],\"positions\":[],{account}}}", 404);
        yield return new("log on the ticks port", "ticks", "/api/log", $"{{{auth},\"level\":\"INFO\",\"message\":\"m\",\"details\":{{\"info\":\"x\"}}}}", 404);
        yield return new("GET on a POST route", "command", "/api/heartbeat", null, 405, Method: HttpMethod.Get);
        yield return new("oversize log body", "logs", "/api/log", $"{{{auth},\"level\":\"INFO\",\"message\":\"{new string('x', 5 * 1024 * 1024)}\",\"details\":{{\"info\":\"x\"}}}}", 413);
        yield return new("oversize heartbeat body", "command", "/api/heartbeat", heartbeat.Replace("\"balance\"", $"\"pad\":\"{new string('y', 5 * 1024 * 1024)}\",\"balance\""), 413);
        yield return new("deeply nested JSON", "command", "/api/heartbeat", new string('[', 5000) + new string(']', 5000), 400);
        yield return new("invalid bytes, not JSON", "logs", "/api/log", null, 400, RawBody: [0xFF, 0xFE, 0x00, 0x81, 0x7B]);
        yield return new("truncated JSON", "ticks", "/api/ticks", $"{{{auth},\"ticks\":[{tick}", 400);
    }

    [Fact]
    public async Task EveryMalformedRequestGetsAClearClientErrorAndChangesNothing()
    {
        using var wire = new EaWire(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(Login);
        await probe.WaitForIngestDrainedAsync();
        var cases = Cases(key).ToList();
        var databaseBefore = await probe.DatabaseDigestAsync();
        var ingestBefore = await probe.LastIngestIdAsync();

        var wrong = new List<string>();
        foreach (var c in cases)
        {
            var body = c.RawBody ?? (c.Body is null ? null : EaWire.Encode(c.Body));
            var reply = await wire.SendAsync(c.Method ?? HttpMethod.Post, c.Port, c.Path, body, c.HeaderKey);
            var message = TryReadMessage(reply);
            if (reply.Status != c.Expected || message is null)
            {
                wrong.Add($"{c.Name}: expected {c.Expected} with a JSON message, got {reply.Status} {Truncate(reply.Body)}");
            }
        }
        await probe.WaitForIngestDrainedAsync();

        Assert.True(cases.Count >= 50, $"only {cases.Count} cases");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.Equal(ingestBefore, await probe.LastIngestIdAsync());
        Assert.Equal(databaseBefore, await probe.DatabaseDigestAsync());
    }

    [Fact]
    public async Task RequestsCoreRefusesNeverStopOtherEasBeingServed()
    {
        using var wire = new EaWire(fixture.App);
        var key = await wire.ConnectAsync(Login + 1);
        const string refused = "{\"symbol\":\"E\u00e4URUSD\",\"timeframe\":\"H1\",\"required_bars\":168}";
        const string valid = "{\"symbol\":\"EURUSD\",\"timeframe\":\"H1\",\"required_bars\":168}";

        var refusals = new List<int>();
        for (var i = 0; i < 150; i++)
        {
            refusals.Add((await wire.PostAsync("command", "/api/ohlc/coverage", refused, key)).Status);
        }
        var coverage = await wire.PostAsync("command", "/api/ohlc/coverage", valid, key);
        var connect = await wire.PostAsync("command", "/api/connect", NgTradingBot.EaSimulator.EaRequestBodies.Connect(Login + 2, "Other Broker", 1730709000, ["EURUSD"]));

        Assert.All(refusals, status => Assert.Equal(400, status));
        Assert.Equal(200, coverage.Status);
        Assert.Equal(200, connect.Status);
    }

    private static string? TryReadMessage(EaReply reply)
    {
        try
        {
            var json = reply.Json;
            return json.GetProperty("status").GetString() == "error" ? json.GetProperty("message").GetString() : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
