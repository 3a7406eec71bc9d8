using NgTradingBot.Core.Connections;

namespace NgTradingBot.UnitTests.Core;

public sealed class BrokerClockTests
{
    private static readonly DateTimeOffset ReceivedAt = DateTimeOffset.FromUnixTimeSeconds(1_730_709_000);

    [Theory]
    [InlineData(7200, 7200)]
    [InlineData(7200 - 3, 7200)]
    [InlineData(7200 + 899, 7200)]
    [InlineData(7200 + 901, 9000)]
    [InlineData(-5 * 3600 - 12, -5 * 3600)]
    [InlineData(19800, 19800)]
    public void RoundsTheDifferenceToTheHalfHour(long difference, int expected) =>
        Assert.Equal(expected, BrokerClock.EstimateOffset(ReceivedAt.ToUnixTimeSeconds() + difference, ReceivedAt));

    [Fact]
    public void AFrozenWeekendTimestampIsNoTimeZone() =>
        Assert.Null(BrokerClock.EstimateOffset(ReceivedAt.ToUnixTimeSeconds() - 2 * 86_400, ReceivedAt));

    [Fact]
    public void ConvertsBrokerTimeToUtc()
    {
        Assert.Equal(new DateTime(2024, 11, 4, 8, 30, 0, DateTimeKind.Utc), BrokerClock.ToUtc(1_730_716_200, 7200));
        Assert.Equal(DateTimeKind.Utc, BrokerClock.ToUtc(0, null).Kind);
        Assert.Equal(ReceivedAt.ToUnixTimeSeconds() + 3600, BrokerClock.BrokerNow(ReceivedAt, 3600));
    }
}
