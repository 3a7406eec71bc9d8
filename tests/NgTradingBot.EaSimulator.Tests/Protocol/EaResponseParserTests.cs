namespace NgTradingBot.EaSimulator.Tests.Protocol;

public class EaResponseParserTests
{
    [Fact]
    public void ReadsApiKeyUpToTheNextQuote()
    {
        Assert.Equal("abc_DEF-123", EaResponseParser.ApiKey("""{"api_key":"abc_DEF-123","status":"success"}"""));
    }

    [Fact]
    public void ReadsAnEscapedPlusInTheKeyLiterally()
    {
        // System.Text.Json's default encoder writes + as \u002B; the EA never unescapes.
        Assert.Equal(@"ab\u002Bcd", EaResponseParser.ApiKey("""{"api_key":"ab\u002Bcd"}"""));
    }

    [Fact]
    public void DoesNotSeeAKeyWrittenWithWhitespaceAfterTheColon()
    {
        Assert.Equal("", EaResponseParser.ApiKey("""{"api_key": "abc"}"""));
    }

    [Fact]
    public void ReadsANumericIdAsEmpty()
    {
        var command = Assert.Single(EaResponseParser.Commands("""{"commands":[{"id":42,"type":"CLOSE_TRADE","ticket":7}]}"""));
        Assert.Equal("", command.Id);
        Assert.Equal("CLOSE_TRADE", command.Type);
    }

    [Fact]
    public void ReturnsNoSymbolsWhenTheKeyIsMissing()
    {
        Assert.Null(EaResponseParser.Symbols("""{"status":"success"}"""));
        Assert.Empty(EaResponseParser.Symbols("""{"symbols":[],"status":"success"}""")!);
    }

    [Fact]
    public void ABracketInsideASymbolStringTruncatesTheList()
    {
        var symbols = EaResponseParser.Symbols("""{"symbols":["EURUSD","A]B","GBPUSD"]}""");
        Assert.Equal(["EURUSD"], symbols);
    }

    [Fact]
    public void ABracketInsideACommandStringTruncatesTheCommands()
    {
        var commands = EaResponseParser.Commands("""{"commands":[{"id":"a","type":"OPEN_TRADE","comment":"x]y"},{"id":"b","type":"CLOSE_TRADE"}]}""");
        // The array ends at the first ']', so the first object has no closing brace and nothing is parsed.
        Assert.Empty(commands);
    }

    [Fact]
    public void ANestedObjectEndsTheCommandEarly()
    {
        var command = Assert.Single(EaResponseParser.Commands("""{"commands":[{"id":"a","type":"OPEN_TRADE","details":{"x":1},"sl":1.0795,"tp":1.0855}]}"""));
        Assert.Equal("a", command.Id);
        Assert.Equal(0, command.Sl);
        Assert.Equal(0, command.Tp);
    }

    [Theory]
    [InlineData("""{"commands":[ ]}""")]
    [InlineData("""{"commands":[{}]}""")]
    [InlineData("""{"status":"success"}""")]
    public void TreatsShortOrMissingCommandArraysAsEmpty(string body)
    {
        Assert.Empty(EaResponseParser.CommandObjects(body));
    }

    [Fact]
    public void ReadsEveryFieldOfAFlatCommand()
    {
        var command = Assert.Single(EaResponseParser.Commands(
            """{"commands":[{"comment":"Auto-Trade Signal #4711 (H1)","id":"auto_1a2b3c4d","order_type":"BUY","signal_id":4711,"sl":1.0795,"symbol":"EURUSD","timeframe":"H1","tp":1.0855,"type":"OPEN_TRADE","volume":0.1}],"status":"success"}"""));
        Assert.Equal(("auto_1a2b3c4d", "OPEN_TRADE", "EURUSD", "BUY", "Auto-Trade Signal #4711 (H1)", "H1"), (command.Id, command.Type, command.Symbol, command.OrderType, command.Comment, command.Timeframe));
        Assert.Equal((0.1, 1.0795, 1.0855), (command.Volume!.Value, command.Sl, command.Tp));
    }

    [Theory]
    [InlineData("""{"volume":0.1234567891234}""", 0.12345678)]
    [InlineData("""{"volume":"0.5"}""", 0)]
    [InlineData("""{"volume":1E-05}""", 1)]
    [InlineData("""{"volume":2}""", 2)]
    public void ReadsVolumeFromATenCharacterWindow(string commandObject, double expected)
    {
        Assert.Equal(expected, EaResponseParser.ParseCommand(commandObject).Volume);
    }

    [Fact]
    public void ReportsAMissingVolumeAsNull()
    {
        Assert.Null(EaResponseParser.ParseCommand("""{"type":"OPEN_TRADE"}""").Volume);
    }

    [Theory]
    [InlineData("""{"ticket":123456789012}""", 123456789012UL)]
    [InlineData("""{"ticket":"5000000001"}""", 5000000001UL)]
    [InlineData("""{"ticket":18446744073709551615}""", ulong.MaxValue)]
    [InlineData("""{"ticket":null,"x":7}""", 7UL)]
    [InlineData("""{"tickets":5}""", 0UL)]
    public void ReadsTheTicketFromTheFirstDigitWithinThirtyCharacters(string commandObject, ulong expected)
    {
        Assert.Equal(expected, EaResponseParser.ParseCommand(commandObject).Ticket);
    }

    [Theory]
    [InlineData("""{"reason":"TIME_EXIT","ticket":1}""", "TIME_EXIT")]
    [InlineData("""{"reason":null,"ticket":1}""", "ticket")]
    [InlineData("""{"close_reason":"X","ticket":1}""", "")]
    public void ReadsTheReasonAsTheFirstQuotedToken(string commandObject, string expected)
    {
        Assert.Equal(expected, EaResponseParser.ParseCommand(commandObject).Reason);
    }

    [Theory]
    [InlineData("""{"trailing_stop":true}""", true)]
    [InlineData("""{"trailing_stop": true}""", true)]
    [InlineData("""{"trailing_stop":"true"}""", false)]
    [InlineData("""{"trailing_stop":15}""", false)]
    public void TrailingStopCountsOnlyAsTheLiteralTrue(string commandObject, bool expected)
    {
        Assert.Equal(expected, EaResponseParser.ParseCommand(commandObject).TrailingStop);
    }

    [Theory]
    [InlineData("""{"end_date":1730678400,"start_date":1699142400}""", 1699142400L, 1730678400L)]
    [InlineData("""{"end_date":"2024-11-04","start_date":"2023-11-05"}""", 0L, 0L)]
    public void ReadsDatesAsIntegers(string commandObject, long start, long end)
    {
        var command = EaResponseParser.ParseCommand(commandObject);
        Assert.Equal((start, end), (command.StartDate, command.EndDate));
    }

    [Theory]
    [InlineData("""{"bar_count":168,"coverage_percent":100.0,"expected_bars":168,"has_data":true,"needs_update":false,"status":"success"}""", true)]
    [InlineData("""{"coverage_percent":95.5,"needs_update":true}""", false)]
    [InlineData("""{"coverage_percent":89.9,"needs_update":false}""", false)]
    [InlineData("""{"coverage_percent":100.0}""", false)]
    [InlineData("""{"needs_update":false}""", false)]
    [InlineData("""{"coverage_percent": 100,"needs_update": true}""", true)]
    public void DecidesTheHistoryUploadLikeTheEa(string body, bool skip)
    {
        Assert.Equal(skip, EaResponseParser.Coverage(body).SkipUpload);
    }

    [Fact]
    public void ReadsTheCoveragePercentUpToTheBraceWhenItIsLast()
    {
        var reading = EaResponseParser.Coverage("""{"needs_update":false,"coverage_percent":92.5}""");
        Assert.True(reading.Parsed);
        Assert.Equal(92.5, reading.CoveragePercent);
    }

    [Theory]
    [InlineData("  1.5abc", 1.5)]
    [InlineData("-0.25,", -0.25)]
    [InlineData("abc", 0)]
    [InlineData("", 0)]
    public void StringToDoubleTakesTheLeadingNumber(string text, double expected)
    {
        Assert.Equal(expected, MqlNumbers.StringToDouble(text));
    }
}
