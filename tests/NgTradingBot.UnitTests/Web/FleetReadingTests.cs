using NgTradingBot.Client;
using NgTradingBot.Web.Fleet;

namespace NgTradingBot.UnitTests.Web;

public sealed class FleetReadingTests
{
    private static readonly DateTime Start = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    private static SystemStatus Status(long ticks, params ConnectionStatus[] connections) => new(
        new ConnectionsStatus(connections.Length, connections.Count(c => c.IsHealthy), connections.Count(c => !c.IsHealthy), connections),
        new CommandsStatus(10, 1, 90m, 2, new Dictionary<string, long> { ["COMPLETED"] = 9, ["FAILED"] = 1, ["PENDING"] = 2 }),
        new DataStatus(ticks, 0, 0), new IngestBacklog(7, 0), Start);

    private static ConnectionStatus Connection(long login, bool healthy, double heartbeatMs, params string[] reasons) =>
        new(login, "Broker", healthy ? "connected" : "degraded", healthy ? 100 : 40, healthy, 5, heartbeatMs, reasons, 0, Start, Start, Start);

    private static AccountSummary Account(long login, long answered) =>
        new(login, "Broker", "active", "connected", 100, true, Start, 1000m, 990m, Start, 2, answered);

    [Fact]
    public void RatesComeFromCountersTwoReadingsApart()
    {
        var reading = new FleetReading();

        var first = reading.Next(Status(1_000, Connection(1, true, 2)), [Account(1, 100)], Start);
        var second = reading.Next(Status(1_500, Connection(1, true, 4)), [Account(1, 150)], Start.AddSeconds(2));

        Assert.Null(first.Totals.TicksPerSecond);
        Assert.Null(first.Accounts[0].RequestsPerSecond);
        Assert.Equal(250, second.Totals.TicksPerSecond);
        Assert.Equal(25, second.Accounts[0].RequestsPerSecond);
        Assert.Equal([2.0, 4.0], second.Accounts[0].HeartbeatTrend);
        Assert.Equal(4.0, second.Accounts[0].HeartbeatMs);
    }

    [Fact]
    public void AnAccountTakesItsHealthAndReasonsFromItsConnectionAndItsFiguresFromTheAccountList()
    {
        var reading = new FleetReading();

        var snapshot = reading.Next(Status(0, Connection(2, false, 3, "no request for 4 s"), Connection(1, true, 1)), [Account(2, 0), Account(1, 0)], Start);

        Assert.Equal([1L, 2L], snapshot.Accounts.Select(a => a.Login));
        var silent = snapshot.Accounts[1];
        Assert.False(silent.IsHealthy);
        Assert.Equal("degraded", silent.State);
        Assert.Equal(40m, silent.HealthScore);
        Assert.Equal(["no request for 4 s"], silent.Reasons);
        Assert.Equal(990m, silent.Equity);
        Assert.Equal(2, silent.OpenPositions);
        Assert.Equal(1, snapshot.Totals.Unhealthy);
        Assert.Equal(90m, snapshot.Totals.SuccessRate);
        Assert.Equal(7, snapshot.Totals.IngestLag);
    }

    [Fact]
    public void AnAccountWithoutAConnectionIsShownAsNeverConnected()
    {
        var snapshot = new FleetReading().Next(Status(0), [Account(3, 0) with { ConnectionState = null, IsHealthy = false }], Start);

        Assert.Equal("never connected", snapshot.Accounts[0].State);
        Assert.False(snapshot.Accounts[0].IsHealthy);
    }

    [Fact]
    public void OrderLatenciesFormTheAccountsCommandTrend()
    {
        var reading = new FleetReading();
        reading.AddCommandLatency(1, 120);
        reading.AddCommandLatency(1, 80);

        var row = reading.Next(Status(0, Connection(1, true, 1)), [Account(1, 0)], Start).Accounts[0];

        Assert.Equal(80, row.CommandMs);
        Assert.Equal([120.0, 80.0], row.CommandTrend);
    }

    [Theory]
    [InlineData(null, 10L, 1.0, null)]
    [InlineData(10L, 30L, 2.0, 10.0)]
    [InlineData(30L, 10L, 1.0, null)]
    [InlineData(10L, 20L, 0.0, null)]
    public void ARateNeedsAnEarlierReadingTimeBetweenAndACounterThatDidNotRestart(long? before, long now, double seconds, double? expected)
    {
        Assert.Equal(expected, FleetReading.Rate(before, now, seconds));
    }

    [Fact]
    public void ATrendKeepsOnlyItsLastValues()
    {
        var trend = new Trend();
        for (var i = 0; i < Trend.Capacity + 5; i++)
        {
            trend.Add(i);
        }

        Assert.Equal(Trend.Capacity, trend.Values.Count);
        Assert.Equal(5, trend.Values[0]);
        Assert.Equal(Trend.Capacity + 4, trend.Latest);
    }
}
