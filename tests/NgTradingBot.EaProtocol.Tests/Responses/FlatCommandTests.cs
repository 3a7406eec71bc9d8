using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.EaProtocol.Tests.Responses;

public class FlatCommandTests
{
    [Fact]
    public void BuildsFromStoredFlatJsonKeepingFieldOrder()
    {
        using var document = JsonDocument.Parse("""{"comment":"Auto-Trade Signal #4711 (H1)","id":"auto_1a2b3c4d","order_type":"BUY","signal_id":4711,"sl":1.0795,"symbol":"EURUSD","tp":1.0855,"type":"OPEN_TRADE","volume":0.1}""");

        Assert.True(FlatCommand.TryFromJson(document.RootElement, out var command, out var error), error);

        Assert.Equal(("auto_1a2b3c4d", "OPEN_TRADE"), (command.Id, command.Type));
        Assert.Equal(["comment", "order_type", "signal_id", "sl", "symbol", "tp", "volume"], command.Fields.Select(f => f.Key));
        Assert.Equal(1.0795m, command["sl"]?.AsDecimal);
    }

    [Theory]
    [InlineData("""{"id":"a","type":"OPEN_TRADE","details":{"x":1}}""", "Command field details: nested objects and arrays are not allowed")]
    [InlineData("""{"id":"a","type":"FETCH_HISTORY","timeframes":["H1","H4"]}""", "Command field timeframes: nested objects and arrays are not allowed")]
    [InlineData("""{"id":"a","type":"CLOSE_TRADE","ticket":1,"reason":null}""", "Command field reason: null is not allowed")]
    [InlineData("""{"id":17,"type":"CLOSE_TRADE"}""", "Command id must be a string")]
    [InlineData("""{"id":"a","type":"close_position"}""", "Command type 'close_position' must be upper case letters and underscores")]
    [InlineData("""{"id":"a\"b","type":"CLOSE_TRADE"}""", "Command id 'a\"b' must be non-empty and free of \" \\ { } [ ] , and control characters")]
    [InlineData("""{"id":"a","type":"OPEN_TRADE","symbol":"EUR]USD"}""", "Command field symbol 'EUR]USD' must be free of \" \\ { } [ ] , and control characters")]
    [InlineData("""{"id":"a","type":"OPEN_TRADE","sl":"1.0795"}""", "Command field sl must be a number")]
    [InlineData("""{"id":"a","type":"OPEN_TRADE","sl":1e400}""", "Command field sl: number out of range")]
    [InlineData("""{"id":"a","type":"REQUEST_HISTORICAL_DATA","start_date":"2023-11-05"}""", "Command field start_date must be a number")]
    [InlineData("""{"type":"OPEN_TRADE"}""", "Command id '' must be non-empty and free of \" \\ { } [ ] , and control characters")]
    [InlineData("[1]", "A command must be a JSON object")]
    public void RefusesWhatTheEaCannotRead(string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.False(FlatCommand.TryFromJson(document.RootElement, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ConstructorRefusesRepeatedAndReservedKeys()
    {
        Assert.Throws<ArgumentException>(() => new FlatCommand("a", "CLOSE_TRADE", [new("ticket", 1L), new("ticket", 2L)]));
        Assert.Throws<ArgumentException>(() => new FlatCommand("a", "CLOSE_TRADE", [new("id", "b")]));
    }

    [Fact]
    public void ValuesCannotBeNaN()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EaField("sl", double.NaN));
    }
}
