using NgTradingBot.Core.Commands;

namespace NgTradingBot.UnitTests.Core;

public sealed class OutcomeMatchTests
{
    private const int BrokerOffset = 7200;
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset Delivered = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static UnknownOpen Command(string id, DateTimeOffset? delivered = null, string symbol = "EURUSD", string side = "BUY", decimal volume = 0.1m) =>
        new(id, symbol, side, volume, delivered ?? Delivered);

    private static UnlinkedPosition Position(long ticket, TimeSpan openedAfter, string symbol = "EURUSD", string side = "BUY", decimal volume = 0.10m,
        TimeSpan? seenAfter = null) =>
        new(ticket, symbol, side, volume, (Delivered + openedAfter).ToUnixTimeSeconds() + BrokerOffset, Delivered + (seenAfter ?? openedAfter + TimeSpan.FromSeconds(1)));

    [Fact]
    public void APositionWithTheSameSymbolSideAndVolumeOpenedAfterTheDeliveryIsTheCommands()
    {
        var pairs = OutcomeMatch.Find([Command("c1")], [Position(7, TimeSpan.FromSeconds(1))], Within, Slack, BrokerOffset);

        Assert.Equal([new OutcomeMatch.Pair("c1", 7)], pairs);
    }

    [Theory]
    [InlineData("GBPUSD", "BUY", 0.10)]
    [InlineData("EURUSD", "SELL", 0.10)]
    [InlineData("EURUSD", "BUY", 0.20)]
    public void APositionThatDiffersInSymbolSideOrVolumeIsNot(string symbol, string side, double volume)
    {
        Assert.Empty(OutcomeMatch.Find([Command("c1")], [Position(7, TimeSpan.FromSeconds(1), symbol, side, (decimal)volume)], Within, Slack, BrokerOffset));
    }

    [Fact]
    public void APositionOpenedBeforeTheDeliveryOrAfterTheBoundIsNot()
    {
        Assert.Empty(OutcomeMatch.Find([Command("c1")], [Position(7, TimeSpan.FromSeconds(-30), seenAfter: TimeSpan.FromSeconds(2))], Within, Slack, BrokerOffset));
        Assert.Empty(OutcomeMatch.Find([Command("c1")], [Position(8, TimeSpan.FromMinutes(6))], Within, Slack, BrokerOffset));
        // Stored before the EA had the command, whatever its clock says.
        Assert.Empty(OutcomeMatch.Find([Command("c1")], [Position(9, TimeSpan.FromSeconds(1), seenAfter: TimeSpan.FromSeconds(-60))], Within, Slack, BrokerOffset));
        // Broker seconds and an estimated offset: a second or two early still counts.
        Assert.Single(OutcomeMatch.Find([Command("c1")], [Position(10, TimeSpan.FromSeconds(-2), seenAfter: TimeSpan.FromSeconds(1))], Within, Slack, BrokerOffset));
    }

    [Fact]
    public void WithoutABrokerOffsetWhenCoreFirstStoredThePositionDecides()
    {
        var late = new UnlinkedPosition(7, "EURUSD", "BUY", 0.1m, 1, Delivered + TimeSpan.FromMinutes(6));
        var soon = new UnlinkedPosition(8, "EURUSD", "BUY", 0.1m, 1, Delivered + TimeSpan.FromSeconds(3));

        Assert.Empty(OutcomeMatch.Find([Command("c1")], [late], Within, Slack, brokerOffsetSeconds: null));
        Assert.Single(OutcomeMatch.Find([Command("c1")], [soon], Within, Slack, brokerOffsetSeconds: null));
    }

    [Fact]
    public void TheEarliestDeliveredCommandTakesTheEarliestOpenedPositionAndEachPositionIsTakenOnce()
    {
        var pairs = OutcomeMatch.Find(
            [Command("second", Delivered.AddSeconds(2)), Command("first"), Command("third", Delivered.AddSeconds(4))],
            [Position(30, TimeSpan.FromSeconds(3)), Position(10, TimeSpan.FromSeconds(1))],
            Within, Slack, BrokerOffset);

        Assert.Equal([new OutcomeMatch.Pair("first", 10), new OutcomeMatch.Pair("second", 30)], pairs);
    }
}
