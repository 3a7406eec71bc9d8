using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>The composition with market hours on a test's time scale: closed after 2 s of frozen broker time, heartbeats due every 4 s.</summary>
public sealed class MarketHoursFixture : AppFixture
{
    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "core"))
            .WithEnvironment("ConnectionHealth__MarketClosedAfter", "00:00:02")
            .WithEnvironment("ConnectionHealth__HeartbeatMaxAge", "00:00:04")
            .WithEnvironment("ConnectionHealth__StaleQuoteAfter", "00:00:04")
            // Both EAs send timer traffic all along: what is judged here is heartbeats and market hours, not silence,
            // which on a CI machine busy with other collections can pass the base fixture's 3 s in the ingest lag alone.
            .WithEnvironment("ConnectionHealth__DegradedAfterSilence", "00:00:15")
            .WithEnvironment("ConnectionHealth__DisconnectedAfterSilence", "00:00:30");
}

[CollectionDefinition(Name)]
public sealed class MarketHoursCollection : ICollectionFixture<MarketHoursFixture>
{
    public const string Name = "market hours";
}

/// <summary>
/// The deployed EA heartbeats only on chart ticks, and a closed market has none while its 50 ms timer traffic goes on:
/// a weekend must not make an account unhealthy, and the same silence of heartbeats on an open market must.
/// </summary>
[Collection(MarketHoursCollection.Name)]
public sealed class MarketHoursTests(MarketHoursFixture fixture)
{
    private const string ConnectionOf = "FROM connections c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1";

    [Fact]
    public async Task AWeekendWithTimerTrafficStaysHealthyWhileAnOpenMarketWithoutHeartbeatsDoesNot()
    {
        const long weekendLogin = 5_710_000_001;
        const long openLogin = 5_710_000_002;
        await using var probe = new SystemProbe(fixture.App);
        await using var weekend = SimulatedEas.Create(fixture.App, weekendLogin);
        await using var open = SimulatedEas.Create(fixture.App, openLogin);
        foreach (var ea in new[] { weekend, open })
        {
            Assert.True(await ea.InitAsync());
            await ea.ChartTickAsync();
            await ea.TimerAsync();
        }
        foreach (var login in new[] { weekendLogin, openLogin })
        {
            Assert.True(await probe.EventuallyAsync<bool>($"SELECT c.is_healthy {ConnectionOf} AND c.is_healthy AND c.heartbeat_count > 0", login));
        }

        // A heartbeat and a move of every quote just before the close: neither the weekend EA's last heartbeat nor its
        // quotes may come of age (4 s) in the 2 s before its market counts as closed, however long the healthy wait
        // above took on a loaded machine (quotes left from before it once cost 15 points on CI).
        var moved = new HashSet<string>();
        for (var step = 0; step < 1_000 && !moved.IsSupersetOf(weekend.Symbols); step++)
        {
            moved.UnionWith(weekend.Terminal.Step());
        }
        await weekend.TimerAsync();
        await weekend.ChartTickAsync();
        weekend.Terminal.CloseMarket();
        var weekendStates = new List<string>();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            // Both EAs' timers run; only the open market moves, and neither chart ticks, so neither heartbeats.
            foreach (var ea in new[] { weekend, open })
            {
                ea.Terminal.Step();
                await ea.TimerAsync();
            }
            var row = (await probe.RowsAsync(
                $"SELECT c.state, c.is_healthy, c.health_score::int AS health_score, coalesce(array_to_string(c.health_reasons, '; '), '') AS reasons {ConnectionOf}",
                weekendLogin)).Single();
            weekendStates.Add($"{row["state"]} healthy={row["is_healthy"]} score={row["health_score"]}" + (row["reasons"] is "" ? "" : $" ({row["reasons"]})"));
            await Task.Delay(50);
        }

        var weekendNow = (await probe.RowsAsync($"SELECT c.is_healthy, c.health_score, c.health_reasons {ConnectionOf}", weekendLogin)).Single();
        var openNow = (await probe.RowsAsync($"SELECT c.is_healthy, c.health_reasons {ConnectionOf}", openLogin)).Single();
        Assert.All(weekendStates, state => Assert.Equal("connected healthy=True score=100", state));
        Assert.True((bool)weekendNow["is_healthy"]!);
        Assert.Empty((string[])weekendNow["health_reasons"]!);
        Assert.False((bool)openNow["is_healthy"]!);
        Assert.Contains((string[])openNow["health_reasons"]!, reason => reason.StartsWith("no heartbeat for", StringComparison.Ordinal)
            && reason.EndsWith("while the market is open", StringComparison.Ordinal));
        Assert.Equal(weekend.Terminal.Clock.TimeCurrent(), await probe.ScalarAsync<long>($"SELECT c.broker_time {ConnectionOf}", weekendLogin));
    }
}
