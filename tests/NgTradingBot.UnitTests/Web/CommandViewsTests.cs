using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.Web.Commands;

namespace NgTradingBot.UnitTests.Web;

public sealed class CommandViewsTests
{
    [Theory]
    [InlineData("OPEN_TRADE", """{"symbol":"EURUSD","order_type":"BUY","volume":0.01,"sl":1.07,"tp":1.09}""", "BUY 0.01 EURUSD")]
    [InlineData("CLOSE_TRADE", """{"ticket":5000000001}""", "CLOSE #5000000001")]
    [InlineData("MODIFY_TRADE", """{"ticket":"77","sl":1.2}""", "MODIFY #77")]
    [InlineData("REQUEST_HISTORICAL_DATA", """{"symbol":"XAUUSD","timeframe":"H1"}""", "HISTORY XAUUSD H1")]
    [InlineData("OPEN_TRADE", "[]", "OPEN_TRADE")]
    public void ACommandIsDescribedInTradersWords(string type, string payload, string expected)
    {
        Assert.Equal(expected, CommandDescription.Of(type, JsonDocument.Parse(payload).RootElement));
    }

    [Fact]
    public void TheFiltersMakeTheQueryAndAnEmptyChoiceIsNoFilter()
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

        var narrowed = CommandFilterChoices.Query("50000000", "PENDING", "OPEN_TRADE", "1 hour", now);
        var everything = CommandFilterChoices.Query("", "", "", "all time", now);

        Assert.Equal(new CommandQuery(50000000, "PENDING", "OPEN_TRADE", now.AddHours(-1), Limit: CommandFilterChoices.PageSize), narrowed);
        Assert.Equal(new CommandQuery(Limit: CommandFilterChoices.PageSize), everything);
    }

    [Fact]
    public void TheQueryStringCarriesOnlyTheFiltersThatAreSet()
    {
        var from = new DateTimeOffset(2026, 12, 4, 11, 0, 0, TimeSpan.Zero);

        Assert.Equal("", new CommandQuery().ToQueryString());
        Assert.Equal("?login=5&status=OUTCOME_UNKNOWN&from=2026-12-04T11%3A00%3A00.0000000Z&limit=100&cursor=12.0",
            new CommandQuery(5, CommandStatus.OutcomeUnknown, From: from, Limit: 100, Cursor: "12.0").ToQueryString());
    }
}
