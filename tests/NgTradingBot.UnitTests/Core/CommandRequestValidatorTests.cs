using System.Text.Json;
using NgTradingBot.Core.Commands;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.UnitTests.Core;

public sealed class CommandRequestValidatorTests
{
    private static readonly CommandOptions Options = new();

    private static ValidatedCommand? Validate(string type, string payload, out string? error, string? priority = null, int? expiresIn = null) =>
        CommandRequestValidator.Validate(
            new CreateCommandRequest(type, priority, JsonDocument.Parse(payload).RootElement.Clone(), expiresIn, null), Options, Now, out error);

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static string Rejection(string type, string payload)
    {
        Assert.Null(Validate(type, payload, out var error));
        return error!;
    }

    [Fact]
    public void AnOpenTradeGetsTheDefaultVolumeAndTheEasFieldOrder()
    {
        var command = Validate("OPEN_TRADE", """{"tp":1.0855,"sl":1.0795,"order_type":"buy","symbol":"EURUSD"}""", out _);

        Assert.NotNull(command);
        Assert.Equal(["symbol", "order_type", "volume", "sl", "tp"], command.Fields.Select(f => f.Key));
        Assert.Equal("BUY", command.Fields[1].Value.AsText);
        Assert.Equal(0.01m, command.Fields[2].Value.AsDecimal);
        Assert.Equal(2, command.Priority);
        Assert.Equal(Options.DefaultExpiresIn, command.ExpiresIn);
    }

    [Theory]
    [InlineData("""{"symbol":"EURUSD","order_type":"BUY","sl":0,"tp":1.1}""", "sl and tp must both be prices greater than 0")]
    [InlineData("""{"symbol":"EURUSD","order_type":"BUY","tp":1.1}""", "OPEN_TRADE needs sl")]
    [InlineData("""{"symbol":"EURUSD","order_type":"BUY","sl":1.2,"tp":1.1}""", "BUY needs sl below tp")]
    [InlineData("""{"symbol":"EURUSD","order_type":"SELL","sl":1.0,"tp":1.1}""", "SELL needs sl above tp")]
    [InlineData("""{"symbol":"EURUSD","order_type":"HOLD","sl":1.0,"tp":1.1}""", "order_type must be BUY or SELL")]
    [InlineData("""{"symbol":"EUR,USD","order_type":"BUY","sl":1.0,"tp":1.1}""", "symbol must be a symbol name")]
    [InlineData("""{"symbol":"EURUSD","order_type":"BUY","sl":1.0,"tp":1.1,"volume":0}""", "volume must be greater than 0")]
    [InlineData("""{"symbol":"EURUSD","order_type":"BUY","sl":1.0,"tp":1.1,"volume":12345678901}""", "10-character window")]
    [InlineData("""{"symbol":"EURUSD","order_type":"BUY","sl":1.0,"tp":1.1,"comment":"0123456789012345678901234567890123"}""", "at most 31 characters")]
    [InlineData("""{"symbol":"EURUSD","order_type":"BUY","sl":1.0,"tp":1.1,"stop_loss":1}""", "has no field stop_loss")]
    [InlineData("""{"symbol":"EURUSD","order_type":"BUY","sl":"1.0","tp":1.1}""", "sl must be a number")]
    public void RejectsAnOpenTradeTheEaWouldRefuse(string payload, string expected) =>
        Assert.Contains(expected, Rejection("OPEN_TRADE", payload));

    [Fact]
    public void RejectsAnUnknownTypeNamingTheFourSupportedOnes()
    {
        var error = Rejection("CLOSE_ALL", "{}");

        Assert.Contains("Unknown command type CLOSE_ALL", error);
        Assert.Contains("OPEN_TRADE, MODIFY_TRADE, CLOSE_TRADE, REQUEST_HISTORICAL_DATA", error);
    }

    [Theory]
    [InlineData("""{"ticket":0,"sl":1,"tp":2}""", "ticket must be a positive integer")]
    [InlineData("""{"ticket":12.5,"sl":1,"tp":2}""", "ticket must be an integer")]
    [InlineData("""{"ticket":7,"sl":1}""", "MODIFY_TRADE needs tp")]
    [InlineData("""{"ticket":7,"sl":1,"tp":2,"trailing_stop":30}""", "trailing_stop must be true or false")]
    public void RejectsAModifyTheEaWouldRefuse(string payload, string expected) =>
        Assert.Contains(expected, Rejection("MODIFY_TRADE", payload));

    [Fact]
    public void AModifyKeepsTheTicketAndTheTrailingFlag()
    {
        var command = Validate("MODIFY_TRADE", """{"ticket":123456789,"sl":1.0812,"tp":1.0855,"trailing_stop":true}""", out _);

        Assert.Equal(123456789L, command!.Ticket);
        Assert.Equal(true, command.Fields.Single(f => f.Key == "trailing_stop").Value.AsBoolean);
    }

    [Fact]
    public void ACloseAlwaysCarriesAQuotedReason()
    {
        var command = Validate("CLOSE_TRADE", """{"ticket":42}""", out _);

        Assert.Equal(CommandRequestValidator.DefaultCloseReason, command!.Fields.Single(f => f.Key == "reason").Value.AsText);
        Assert.Contains("reason must be a string", Rejection("CLOSE_TRADE", """{"ticket":42,"reason":5}"""));
    }

    [Theory]
    [InlineData("""{"symbol":"EURUSD","timeframe":"H2","start_date":1,"end_date":2}""", "timeframe must be one of")]
    [InlineData("""{"symbol":"EURUSD","timeframe":"H4","start_date":"2024-01-01","end_date":2}""", "start_date must be an integer")]
    [InlineData("""{"symbol":"EURUSD","timeframe":"H4","start_date":0,"end_date":2}""", "positive Unix seconds")]
    [InlineData("""{"symbol":"EURUSD","timeframe":"H4","start_date":5,"end_date":5}""", "start_date must be before end_date")]
    public void RejectsAHistoryRequestTheEaWouldRefuse(string payload, string expected) =>
        Assert.Contains(expected, Rejection("REQUEST_HISTORICAL_DATA", payload));

    [Fact]
    public void AHistoryRequestSpellsTheTimeframeAsTheEaExpects()
    {
        var command = Validate("REQUEST_HISTORICAL_DATA", """{"symbol":"EURUSD","timeframe":"h4","start_date":1699142400,"end_date":1730678400}""", out _);

        Assert.Equal("H4", command!.Fields.Single(f => f.Key == "timeframe").Value.AsText);
    }

    [Fact]
    public void ChecksPriorityAndExpiry()
    {
        Assert.Equal(0, Validate("CLOSE_TRADE", """{"ticket":1}""", out _, priority: "critical")!.Priority);
        Assert.Null(Validate("CLOSE_TRADE", """{"ticket":1}""", out var priorityError, priority: "URGENT"));
        Assert.Contains("CRITICAL, HIGH, NORMAL, LOW", priorityError);
        Assert.Null(Validate("CLOSE_TRADE", """{"ticket":1}""", out var expiryError, expiresIn: 0));
        Assert.Contains("expiresInSeconds", expiryError);
    }

    [Fact]
    public void TheQueuedBytesAreAFlatObjectInWireOrder()
    {
        var command = Validate("OPEN_TRADE", """{"symbol":"EURUSD","order_type":"SELL","sl":1.0855,"tp":1.0795,"volume":0.10,"comment":"Signal #4711 (H1)"}""", out _);

        var json = System.Text.Encoding.UTF8.GetString(CommandService.FlatJson(command!.ToFlatCommand("cmd_abc")));

        Assert.Equal("""{"id":"cmd_abc","type":"OPEN_TRADE","symbol":"EURUSD","order_type":"SELL","volume":0.10,"sl":1.0855,"tp":1.0795,"comment":"Signal #4711 (H1)"}""", json);
    }

    [Fact]
    public void HostileTextIsNeverQueuedRaw()
    {
        var command = Validate("OPEN_TRADE", """{"symbol":"EURUSD","order_type":"BUY","sl":1.0795,"tp":1.0855,"comment":"He said \"buy\" {x} [y]"}""", out var error);

        // Sanitized by the EA-safe writer, or refused when the bytes would still break the EA's parser.
        if (command is null)
        {
            Assert.Contains("cannot be written so that the EA reads it whole", error);
            return;
        }

        var json = CommandService.FlatJson(command.ToFlatCommand("cmd_abc"));
        Assert.Null(EaReadableCheck.FindProblem(json));
        Assert.EndsWith(""","comment":"He said 'buy' (x) (y)"}""", System.Text.Encoding.UTF8.GetString(json));
    }

    [Theory]
    [InlineData("""{"id":"a","comment":"x"}""", true)]
    [InlineData("""{"id":"a","comment":"say "hi""}""", false)]
    [InlineData("""{"id":"a","comment":"a}b"}""", false)]
    [InlineData("""{"id":"a","comment":"a]b"}""", false)]
    [InlineData("""{"id":"a","comment":"a\u0022"}""", false)]
    public void RecognizesBytesTheEaCannotReadWhole(string json, bool readable) =>
        Assert.Equal(readable, EaReadableCheck.FindProblem(System.Text.Encoding.UTF8.GetBytes(json)) is null);

    [Fact]
    public void CommandIdsAreSafeForTheEa()
    {
        var id = CommandIds.New();

        Assert.Matches("^cmd_[A-Za-z0-9]{24}$", id);
        Assert.True(EaText.IsSafeIdentifier(id));
    }
}
