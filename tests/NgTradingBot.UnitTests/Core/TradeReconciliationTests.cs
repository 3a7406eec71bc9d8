using NgTradingBot.Core.Trades;
using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.UnitTests.Core;

public sealed class TradeReconciliationTests
{
    private static TradeRow Stored(long ticket, string status = TradeRow.Open, decimal? sl = 1.0795m, decimal? tp = 1.0855m, decimal volume = 0.10m) =>
        new(ticket, "EURUSD", "BUY", volume, 1.08m, 1730709010, null, null, sl, tp, 1m, 0m, 0m, status, null, "MT5", null);

    private static SyncedTrade Reported(long ticket, decimal sl = 1.0795m, decimal tp = 1.0855m, decimal volume = 0.10m) =>
        new(ticket, "EURUSD", TradeDirection.Buy, volume, 1.08m, 1730709010, sl, tp, null, null, null);

    [Fact]
    public void AnEmptyListClosesNothing()
    {
        var plan = TradeReconciliation.Plan([Stored(1), Stored(2)], []);

        Assert.True(plan.Guarded);
        Assert.Empty(plan.Closes);
        Assert.False(plan.Writes);
        Assert.Equal(2, plan.StoredOpen);
    }

    [Fact]
    public void AListThatMatchesTheStoredPositionsWritesNothingSoNothingIsLocked()
    {
        Assert.False(TradeReconciliation.Plan([Stored(1), Stored(2)], [Reported(1), Reported(2)]).Writes);
        Assert.True(TradeReconciliation.Plan([Stored(1), Stored(2)], [Reported(1)]).Writes);
    }

    [Fact]
    public void InsertsNewUpdatesChangedAndClosesMissingPositions()
    {
        var plan = TradeReconciliation.Plan([Stored(1), Stored(2), Stored(3)], [Reported(1), Reported(2, tp: 1.0900m), Reported(4)]);

        Assert.Equal([4L], plan.Inserts.Select(t => t.Ticket));
        Assert.Equal([2L], plan.Updates.Select(t => t.Ticket));
        Assert.Equal([3L], plan.Closes);
        Assert.False(plan.Guarded);
        Assert.True(plan.Writes);
    }

    [Fact]
    public void ComparesPricesAsDecimalsAtFivePlaces()
    {
        var plan = TradeReconciliation.Plan([Stored(1, sl: 1.07950000m, tp: null)], [Reported(1, sl: 1.079500001m, tp: 0m, volume: 0.100m)]);

        Assert.Empty(plan.Updates);
    }

    [Fact]
    public void AListedTicketStoredAsClosedIsReopened()
    {
        var plan = TradeReconciliation.Plan([Stored(7, TradeRow.Closed)], [Reported(7, volume: 0.05m)]);

        var reopened = Assert.Single(plan.Updates);
        Assert.Equal((TradeRow.Open, 0.05m), (reopened.Status, reopened.Volume));
        Assert.Empty(plan.Inserts);
    }

    [Fact]
    public void AVolumeChangeIsAnUpdate() =>
        Assert.Single(TradeReconciliation.Plan([Stored(1)], [Reported(1, volume: 0.05m)]).Updates);
}
