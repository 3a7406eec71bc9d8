using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;
// Aliases, not a namespace import: the simulator repeats some EaProtocol type names (AccountSnapshot, SymbolSpec).
using EaEncoding = NgTradingBot.EaSimulator.EaEncoding;
using EaResponseParser = NgTradingBot.EaSimulator.EaResponseParser;

namespace NgTradingBot.EaProtocol.Tests.Responses;

public class EaResponsesTests
{
    private const string Key = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOpQrStUvWxYz";

    [Fact]
    public void ConnectGivesTheEaItsKey()
    {
        var json = EaReader.Text(EaResponses.Connect(Key, new EaField("is_new", false), new EaField("message", "Connected successfully")));

        Assert.Equal($$"""{"status":"success","api_key":"{{Key}}","is_new":false,"message":"Connected successfully"}""", json);
        Assert.Equal(Key, EaResponseParser.ApiKey(json));
    }

    [Fact]
    public void ConnectWritesPlusAndAngleBracketsRawNotAsUnicodeEscapes()
    {
        // An escaped + would be stored by the EA as the text \u002B and fail every later request.
        var json = EaReader.Text(EaResponses.Connect("legacy+key<with>&'chars"));

        Assert.Equal("legacy+key<with>&'chars", EaResponseParser.ApiKey(json));
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad\"key")]
    [InlineData("bad\\key")]
    [InlineData("bad]key")]
    [InlineData("")]
    public void ConnectRefusesKeysTheEaWouldMisread(string key)
    {
        Assert.Throws<ArgumentException>(() => EaResponses.Connect(key));
    }

    [Fact]
    public void SymbolsListIsReadWhole()
    {
        var json = EaReader.Text(EaResponses.Symbols(["EURUSD", "DE40.c", "#US30", "XAUUSD+", "BTC USD"], new EaField("count", 5)));

        Assert.Equal("""{"status":"success","symbols":["EURUSD","DE40.c","#US30","XAUUSD+","BTC USD"],"count":5}""", json);
        Assert.Equal(["EURUSD", "DE40.c", "#US30", "XAUUSD+", "BTC USD"], EaResponseParser.Symbols(json));
    }

    [Fact]
    public void EmptySymbolsListIsReadAsEmpty()
    {
        var json = EaReader.Text(EaResponses.Symbols([]));

        Assert.True(EaResponseParser.HasSymbols(json));
        Assert.Empty(EaResponseParser.Symbols(json)!);
    }

    [Theory]
    [InlineData("US30]cash")]
    [InlineData("EUR\"USD")]
    [InlineData("A,B")]
    public void SymbolsRefusesNamesThatWouldTruncateTheList(string symbol)
    {
        Assert.Throws<ArgumentException>(() => EaResponses.Symbols(["EURUSD", symbol]));
    }

    [Theory]
    [InlineData(100.0, false, true)]
    [InlineData(89.99, false, false)]
    [InlineData(95.5, true, false)]
    public void CoverageIsReadLikeTheEa(double percent, bool needsUpdate, bool eaSkipsUpload)
    {
        var json = EaReader.Text(EaResponses.Coverage((decimal)percent, needsUpdate, new EaField("bar_count", 168)));

        var read = EaResponseParser.Coverage(json);
        Assert.True(read.Parsed);
        Assert.Equal(percent, read.CoveragePercent);
        Assert.Equal(needsUpdate, read.NeedsUpdate);
        Assert.Equal(eaSkipsUpload, read.SkipUpload);
        Assert.EndsWith(",\"status\":\"success\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void CoverageWritesTinyAndHugePercentInPlainNotation()
    {
        var tiny = EaResponseParser.Coverage(EaReader.Text(EaResponses.Coverage(0.0000001m, true)));
        var huge = EaResponseParser.Coverage(EaReader.Text(EaResponses.Coverage(1_000_000_000_000_000m, true)));

        Assert.Equal((true, 1e-7), (tiny.Parsed, tiny.CoveragePercent));
        Assert.Equal((true, 1e15), (huge.Parsed, huge.CoveragePercent));
    }

    [Fact]
    public void NoCommandsIsTheCompactEmptyPoll()
    {
        var json = EaReader.Text(EaResponses.NoCommands);

        Assert.Equal("""{"commands":[],"status":"success"}""", json);
        Assert.True(EaResponseParser.HasCommands(json));
        Assert.Empty(EaResponseParser.Commands(json));
    }

    [Fact]
    public void CommandsAreReadWithTheirFieldsByTheEa()
    {
        FlatCommand[] commands =
        [
            new("auto_1a2b3c4d", "OPEN_TRADE", [new("symbol", "EURUSD"), new("order_type", "BUY"), new("volume", 0.10m), new("sl", 1.0795m), new("tp", 1.0855m), new("comment", "Auto-Trade Signal #4711 (H1)"), new("signal_id", 4711)]),
            new("5b0c", "MODIFY_TRADE", [new("ticket", 123456789L), new("sl", 1.0812m), new("tp", 1.0855m), new("trailing_stop", true)]),
            new("9e7d", "CLOSE_TRADE", [new("ticket", 123456789L), new("reason", "TIME_EXIT"), new("worker", "time_exit_worker")]),
            new("c1", "REQUEST_HISTORICAL_DATA", [new("symbol", "EURUSD"), new("timeframe", "H4"), new("start_date", 1699142400L), new("end_date", 1730678400L)]),
        ];

        var json = EaReader.Text(EaResponses.Commands(commands));
        var read = EaResponseParser.Commands(json);

        Assert.Equal(4, read.Count);
        Assert.Equal(("auto_1a2b3c4d", "OPEN_TRADE", "EURUSD", "BUY", 0.10, 1.0795, 1.0855), (read[0].Id, read[0].Type, read[0].Symbol, read[0].OrderType, read[0].Volume, read[0].Sl, read[0].Tp));
        Assert.Equal("Auto-Trade Signal #4711 (H1)", read[0].Comment);
        Assert.Equal((123456789UL, 1.0812, true), (read[1].Ticket, read[1].Sl, read[1].TrailingStop));
        Assert.Equal((123456789UL, "TIME_EXIT"), (read[2].Ticket, read[2].Reason));
        Assert.Equal(("H4", 1699142400L, 1730678400L), (read[3].Timeframe, read[3].StartDate, read[3].EndDate));
        using var document = JsonDocument.Parse(json);
        Assert.Equal(4, document.RootElement.GetProperty("commands").GetArrayLength());
    }

    [Fact]
    public void AdversarialTextCannotBreakTheCommandList()
    {
        const string hostile = "He said \"buy\" [now] {x} } ] \\ é 中 € + < & ' \r\n\t end";
        FlatCommand[] commands =
        [
            new("first", "OPEN_TRADE", [new("symbol", "EURUSD"), new("order_type", "SELL"), new("sl", 1.1m), new("tp", 1.0m), new("comment", hostile), new("details", hostile)]),
            new("second", "CLOSE_TRADE", [new("ticket", 42L), new("reason", hostile)]),
        ];

        var body = EaResponses.Commands(commands);
        var json = EaReader.Text(body);
        var read = EaResponseParser.Commands(json);

        Assert.Equal(["first", "second"], read.Select(c => c.Id));
        Assert.Equal(["OPEN_TRADE", "CLOSE_TRADE"], read.Select(c => c.Type));
        Assert.Equal(EaText.Sanitize(hostile), read[0].Comment);
        Assert.Equal("He said 'buy' (now) (x) ) ) / é 中 € + < & '     end", read[0].Comment);
        Assert.Equal(EaText.Sanitize(hostile), read[1].Reason);
        Assert.Equal((1.1, 1.0, 42UL), (read[0].Sl, read[0].Tp, read[1].Ticket));
        Assert.DoesNotContain("\\", json, StringComparison.Ordinal);
        Assert.Contains("é 中 €", json, StringComparison.Ordinal);

        // The terminal decodes the UTF-8 bytes with its ANSI code page: the text turns into mojibake, the structure must not.
        var onTerminal = EaResponseParser.Commands(EaEncoding.FromWire(body.Span));
        Assert.Equal(["first", "second"], onTerminal.Select(c => c.Id));
        Assert.Equal(["OPEN_TRADE", "CLOSE_TRADE"], onTerminal.Select(c => c.Type));
        Assert.Equal((1.1, 1.0, 42UL), (onTerminal[0].Sl, onTerminal[0].Tp, onTerminal[1].Ticket));
    }

    [Fact]
    public void TinyAndHugeCommandNumbersSurviveTheEasWindows()
    {
        FlatCommand[] commands =
        [
            new("n1", "OPEN_TRADE", [new("volume", 1e-7), new("sl", 1e-7), new("tp", 123456789012345L)]),
            new("n2", "MODIFY_TRADE", [new("ticket", 1_000_000_000_000_000L), new("sl", 68950.123456789012m), new("tp", 0.00001)]),
            new("n3", "OPEN_TRADE", [new("volume", 0.123456789012m), new("sl", 99999.99999999999)]),
        ];

        var json = EaReader.Text(EaResponses.Commands(commands));
        var read = EaResponseParser.Commands(json);

        Assert.DoesNotContain("E", json.Replace("OPEN_TRADE", "").Replace("MODIFY_TRADE", ""), StringComparison.Ordinal);
        Assert.Equal((1e-7, 1e-7, 123456789012345.0), (read[0].Volume, read[0].Sl, read[0].Tp));
        Assert.Equal(1_000_000_000_000_000UL, read[1].Ticket);
        Assert.Equal(68950.123456789, read[1].Sl, 9);
        Assert.Equal(0.00001, read[1].Tp);
        Assert.Equal(0.12345679, read[2].Volume);
        Assert.Equal(100000.0, read[2].Sl, 6);
    }

    [Theory]
    [InlineData("volume", 12345678901.0)]
    [InlineData("sl", 1e15)]
    [InlineData("tp", -1e14)]
    public void RefusesCommandNumbersTheEaWouldMisread(string key, double value)
    {
        Assert.Throws<ArgumentException>(() => new FlatCommand("x", "OPEN_TRADE", [new(key, value)]));
    }

    [Fact]
    public void HeartbeatCarriesCommandsAndSymbolsOnlyWhenGiven()
    {
        var plain = EaReader.Text(EaResponses.Heartbeat());
        var withBoth = EaReader.Text(EaResponses.Heartbeat([new FlatCommand("h1", "CLOSE_TRADE", [new("ticket", 5L)])], ["EURUSD", "GBPUSD"]));

        Assert.Equal("""{"status":"success"}""", plain);
        Assert.False(EaResponseParser.HasCommands(plain));
        Assert.Null(EaResponseParser.Symbols(plain));
        Assert.Equal("h1", Assert.Single(EaResponseParser.Commands(withBoth)).Id);
        Assert.Equal(["EURUSD", "GBPUSD"], EaResponseParser.Symbols(withBoth));
    }

    [Fact]
    public void AHeartbeatWithNothingToAddIsTheLegacySuccessAnswer()
    {
        Assert.Equal(EaResponses.Success.ToArray(), EaResponses.Heartbeat().ToArray());
        Assert.Equal("""{"status":"success"}""", EaReader.Text(EaResponses.Success));
    }

    [Fact]
    public void HeartbeatCommandsAreWrittenExactlyAsGetCommandsWritesThem()
    {
        FlatCommand[] commands =
        [
            new("c1", "OPEN_TRADE", [new("symbol", "EURUSD"), new("order_type", "BUY"), new("volume", 0.1m), new("sl", 1.0795m), new("tp", 1.0855m)]),
            new("c2", "CLOSE_TRADE", [new("ticket", 5_100_000_123L), new("reason", "TIME_EXIT")]),
        ];

        var heartbeat = EaReader.Text(EaResponses.Heartbeat(commands: commands));
        var poll = EaReader.Text(EaResponses.Commands(commands));

        Assert.Equal(CommandsArray(poll), CommandsArray(heartbeat));
        Assert.StartsWith("""{"status":"success","commands":[{"id":"c1",""", heartbeat, StringComparison.Ordinal);
        Assert.Null(EaResponseParser.Symbols(heartbeat));
        Assert.Equal(EaResponseParser.Commands(poll), EaResponseParser.Commands(heartbeat));
    }

    [Fact]
    public void HeartbeatSymbolsAreWrittenExactlyAsTheSymbolsAnswerWritesThemInTheirOrder()
    {
        string[] symbols = ["XAUUSD", "EURUSD", "DE40.c"];

        var heartbeat = EaReader.Text(EaResponses.Heartbeat(symbols: symbols));

        Assert.Equal("""{"status":"success","symbols":["XAUUSD","EURUSD","DE40.c"]}""", heartbeat);
        Assert.Equal(symbols, EaResponseParser.Symbols(heartbeat));
        Assert.False(EaResponseParser.HasCommands(heartbeat));
    }

    private static string CommandsArray(string json)
    {
        var start = json.IndexOf("\"commands\":[", StringComparison.Ordinal);
        return json[start..(json.IndexOf(']', start) + 1)];
    }

    [Fact]
    public void ErrorBodyMatchesTheLegacyShape()
    {
        Assert.Equal("""{"message":"Missing account or api_key","status":"error"}""", EaReader.Text(EaResponses.Error(EaError.MissingCredentials)));
        Assert.Equal("""{"message":"ticks(0).bid must be 'x'","status":"error"}""", EaReader.Text(EaResponses.Error("ticks[0].bid must be \"x\"")));
    }

    [Fact]
    public void SuccessWritesExtraNumbersPlainAndBooleansBare()
    {
        var json = EaReader.Text(EaResponses.SuccessWith(new("received", 12000), new("tiny", 1e-5), new("huge", 1.5e20), new("money", 0.10m), new("ok", true)));

        Assert.Equal("""{"status":"success","received":12000,"tiny":0.00001,"huge":150000000000000000000,"money":0.10,"ok":true}""", json);
    }

    [Fact]
    public void CachedBodiesCannotBeChangedByCallers()
    {
        Assert.Equal("""{"status":"success"}""", EaReader.Text(EaResponses.Success));
        Assert.Same(EaResponses.Success.ToArray().GetType(), typeof(byte[]));
        Assert.Equal(EaResponses.NoCommands.ToArray(), EaResponses.NoCommands.ToArray());
    }
}
