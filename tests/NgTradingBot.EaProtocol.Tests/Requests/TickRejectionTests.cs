using NgTradingBot.EaProtocol.Decoding;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaProtocol.Tests.Requests;

/// <summary>
/// A bad tick must not fail the batch: the EA would keep re-sending it with every new tick, forever.
/// </summary>
public class TickRejectionTests
{
    [Theory]
    [InlineData("ticks[0].bid", "0", "ticks[0].bid must be greater than 0")]
    [InlineData("ticks[0].ask", "-1.08120", "ticks[0].ask must be greater than 0")]
    [InlineData("ticks[0].bid", "\"Infinity\"", "ticks[0].bid must be a number, got string 'Infinity'")]
    [InlineData("ticks[0].volume", "-3", "ticks[0].volume must not be negative")]
    [InlineData("ticks[0].tz_offset", "100000", "ticks[0].tz_offset must be between -86400 and 86400")]
    [InlineData("ticks[0].symbol", "\"\"", "ticks[0].symbol must not be empty")]
    [InlineData("ticks[0].timestamp", null, "Missing ticks[0].timestamp")]
    [InlineData("ticks[0]", "17", "ticks[0] must be an object, got number 17")]
    public void DropsBadTickAndKeepsTheRest(string path, string? raw, string expected)
    {
        var body = EaBodies.With(EaBodies.Ticks, path, raw);

        var result = TicksRequest.Parse(EaBodies.Parse(body));

        Assert.True(result.IsSuccess);
        Assert.Equal("BTCUSD", Assert.Single(result.Value.Ticks).Symbol);
        var rejected = Assert.Single(result.Value.Rejected);
        Assert.Equal(new RejectedItem(0, expected), rejected);
    }

    [Fact]
    public void DropsBadPositionRowAndKeepsTicks()
    {
        var body = EaBodies.With(EaBodies.Ticks, "positions[0].ticket", "\"abc\"");

        var result = TicksRequest.Parse(EaBodies.Parse(body));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Value.Ticks.Count);
        Assert.Empty(result.Value.Positions);
        Assert.Equal("positions[0].ticket must be an integer, got string 'abc'", Assert.Single(result.Value.Rejected).Reason);
    }

    [Fact]
    public void AcceptsBatchWhoseEveryTickIsBad()
    {
        var body = EaBodies.With(EaBodies.With(EaBodies.Ticks, "ticks[0].bid", "0"), "ticks[1].bid", "0");

        var result = TicksRequest.Parse(EaBodies.Parse(body));

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Ticks);
        Assert.Equal(2, result.Value.Rejected.Count);
    }

    [Fact]
    public void RejectsTickWhoseNanPriceWasRepairedToNull()
    {
        var raw = EaBodies.Ticks.Replace("\"bid\":1.08112", "\"bid\":-nan(ind)", StringComparison.Ordinal);
        Assert.True(EaJsonBody.TryParse(Encoding.ASCII.GetBytes(raw), allowRepair: true, out var body));
        using (body)
        {
            var result = TicksRequest.Parse(body.Root);

            Assert.True(result.IsSuccess);
            Assert.Equal("ticks[0].bid must be a number, got null", Assert.Single(result.Value.Rejected).Reason);
        }
    }

    [Fact]
    public void OnlyAPositionsArrayReadWholeCountsAsTheAccountsCompleteList()
    {
        var whole = TicksRequest.Parse(EaBodies.Parse(EaBodies.Ticks));
        var badRow = TicksRequest.Parse(EaBodies.Parse(EaBodies.With(EaBodies.Ticks, "positions[0].ticket", "\"abc\"")));
        var badTick = TicksRequest.Parse(EaBodies.Parse(EaBodies.With(EaBodies.Ticks, "ticks[0].bid", "0")));
        var none = TicksRequest.Parse(EaBodies.Parse(EaBodies.Ticks.Replace(",\"positions\":[{\"ticket\":123456789,\"profit\":-1.20,\"swap\":0.00}]", "")));
        var empty = TicksRequest.Parse(EaBodies.Parse(EaBodies.Ticks.Replace("[{\"ticket\":123456789,\"profit\":-1.20,\"swap\":0.00}]", "[]")));

        Assert.True(whole.Value!.PositionsComplete);
        Assert.False(badRow.Value!.PositionsComplete);
        Assert.True(badTick.Value!.PositionsComplete);
        Assert.False(none.Value!.PositionsComplete);
        Assert.True(empty.Value!.PositionsComplete);
        Assert.Empty(empty.Value.Positions);
    }
}
