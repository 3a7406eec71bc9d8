using System.Net.Http.Json;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>A composition where an EA counts as streaming nothing after 3 s of heartbeats without ticks.</summary>
public sealed class HeartbeatFixture : AppFixture
{
    public static readonly TimeSpan TickSilence = TimeSpan.FromSeconds(3);

    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway"))
            .WithEnvironment("EaGateway__Heartbeat__TickSilence", TickSilence.ToString())
            .WithEnvironment("EaGateway__Heartbeat__TickNoteInterval", "00:00:00.500");
}

[CollectionDefinition(Name)]
public sealed class HeartbeatCollection : ICollectionFixture<HeartbeatFixture>
{
    public const string Name = "heartbeat answers";
}

/// <summary>Heartbeat answers that carry waiting commands and, for an EA that streams nothing, its symbol list.</summary>
[Collection(HeartbeatCollection.Name)]
public sealed class HeartbeatAnswerTests(HeartbeatFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(EaRoutes.Symbols, 5_900_000_001)]
    [InlineData(EaRoutes.Connect, 5_900_000_002)]
    public async Task AnEaLeftWithoutSymbolsAtStartStreamsOnceAHeartbeatBringsItsList(string failedAtStart, long login)
    {
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login, options => options with
        {
            Faults = new EaFaults(FailFirst: new Dictionary<string, int> { [failedAtStart] = 1 }),
            JournalCapacity = 10_000,
        });

        // Start-up: the aimed request fails, so the EA holds no symbols and buffers no ticks.
        await ea.InitAsync();
        Assert.Empty(ea.Symbols);

        // Heartbeats (with a reconnect first when the connect failed) and timer calls, as on a live chart,
        // until a heartbeat answer hands the EA its list.
        using (var timeout = new CancellationTokenSource(Patience))
        {
            while (ea.Symbols.Count == 0)
            {
                await ea.ChartTickAsync(timeout.Token);
                await ea.TimerAsync(timeout.Token);
                Assert.Equal(0, ea.BufferedTicks);
                await Task.Delay(100, timeout.Token);
            }
        }
        Assert.Null(ea.CrashReason);
        Assert.True(ea.Connected);
        var served = await SymbolsAnswerAsync(login, ea.ApiKey);
        Assert.Equal(served, ea.Symbols);
        var recoveries = ea.Journal.Where(e => e.Route == EaRoutes.Heartbeat && EaResponseParser.HasSymbols(e.ResponseBody)).ToList();
        var recovery = Assert.Single(recoveries);
        Assert.False(EaResponseParser.HasCommands(recovery.ResponseBody));
        Assert.True(recovery.At - ea.Journal.First(e => e.Route == EaRoutes.Heartbeat && e.Status == 200).At >= HeartbeatFixture.TickSilence);

        // The next timer call streams every symbol, and Core stores the ticks.
        await ea.TimerAsync();
        Assert.Equal(0, ea.BufferedTicks);
        Assert.Contains(ea.Journal, e => e.Route == EaRoutes.Ticks && e.Status == 200);
        Assert.True(await probe.EventuallyAsync<long>(
            "SELECT count(DISTINCT t.symbol) FROM ticks t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1", login) >= served.Count);

        // Once: further heartbeats carry no list, while the EA streams.
        ea.ClearJournal();
        await HeartbeatsAsync(ea, count: 3);
        Assert.Equal(3, ea.Journal.Count(e => e.Route == EaRoutes.Heartbeat && e.Status == 200));
        Assert.DoesNotContain(ea.Journal, e => e.Route == EaRoutes.Heartbeat && EaResponseParser.HasSymbols(e.ResponseBody));
        Assert.Equal(served, ea.Symbols);
    }

    [Theory]
    [InlineData(false, 5_900_000_011)]
    [InlineData(true, 5_900_000_012)]
    public async Task AnEaHoldingAListWhoseTicksNeverArriveIsNeverSentAShorterOne(bool shrunk, long login)
    {
        await using var ea = SimulatedEas.Create(fixture.App, login, options => options with
        {
            // Its ticks never reach a gateway, and its first heartbeat is lost, so it reconnects: a new session
            // in which no list was served and no tick seen, the one case the tick rule cannot tell apart.
            Faults = new EaFaults(FailFirst: new Dictionary<string, int> { [EaRoutes.Ticks] = int.MaxValue, [EaRoutes.Heartbeat] = 1 }),
            JournalCapacity = 10_000,
        });
        Assert.True(await ea.InitAsync());
        var loaded = ea.Symbols.ToList();
        Assert.Equal(3, loaded.Count);
        if (shrunk)
        {
            using var core = fixture.App.CreateCoreClient();
            using var put = await core.PutAsJsonAsync($"/api/accounts/{login}/symbols", new { symbols = loaded.Take(2) });
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        // The lost heartbeat, the reconnect, then heartbeats for well past the silence.
        await HeartbeatsAsync(ea, count: 2);
        Assert.Contains(ea.Journal, e => e.Route == EaRoutes.Connect && e.Status == 200 && e.At > ea.Journal.First(h => h.Route == EaRoutes.Heartbeat).At);
        await HeartbeatsAsync(ea, count: 4);

        var lists = ea.Journal.Where(e => e.Route == EaRoutes.Heartbeat && EaResponseParser.HasSymbols(e.ResponseBody)).ToList();
        Assert.Null(ea.CrashReason);
        Assert.Equal(loaded, ea.Symbols);
        if (shrunk)
        {
            Assert.Empty(lists);
        }
        else
        {
            // Not shorter than what it was served: sent once, the same list in the same order, nothing new to it.
            Assert.Equal(loaded, EaResponseParser.Symbols(Assert.Single(lists).ResponseBody));
            Assert.DoesNotContain(ea.Journal, e => e.Route == EaRoutes.Log && e.RequestText.Contains("Symbol subscribed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnEaThatStreamsIsNeverSentAListInAHeartbeat()
    {
        const long login = 5_900_000_003;
        await using var ea = SimulatedEas.Create(fixture.App, login, options => options with { JournalCapacity = 10_000 });
        Assert.True(await ea.InitAsync());

        await HeartbeatsAsync(ea, count: 4);

        Assert.True(ea.Journal.Count(e => e.Route == EaRoutes.Heartbeat && e.Status == 200) >= 4);
        Assert.DoesNotContain(ea.Journal, e => e.Route == EaRoutes.Heartbeat && EaResponseParser.HasSymbols(e.ResponseBody));
    }

    [Fact]
    public async Task ACommandThePollDidNotFindIsDeliveredInAHeartbeatAndExecutedOnce()
    {
        const long login = 5_900_000_004;
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login, options => options with { JournalCapacity = 10_000 });
        Assert.True(await ea.InitAsync());
        var executed = new List<ExecutedCommand>();
        ea.CommandExecuted += executed.Add;

        // The poll path runs and finds nothing; then a strategy creates a command.
        await ea.TimerAsync();
        Assert.Empty(executed);
        Assert.True(ea.Terminal.TryGetTick("EURUSD", out var quote));
        var commandId = await SimulatedEas.CreateCommandAsync(fixture.App, login, "OPEN_TRADE", new
        {
            symbol = "EURUSD", order_type = "BUY", volume = 0.10m,
            sl = Math.Round((decimal)quote.Ask - 0.0050m, 5), tp = Math.Round((decimal)quote.Ask + 0.0050m, 5),
            comment = "heartbeat delivery",
        });

        // Only chart ticks (heartbeats) from here until it has run.
        using (var timeout = new CancellationTokenSource(Patience))
        {
            while (executed.Count == 0)
            {
                await ea.ChartTickAsync(timeout.Token);
                await Task.Delay(100, timeout.Token);
            }
        }
        var carrier = Assert.Single(ea.Journal, e => e.Route == EaRoutes.Heartbeat && EaResponseParser.HasCommands(e.ResponseBody));
        Assert.Equal(commandId, Assert.Single(EaResponseParser.Commands(carrier.ResponseBody)).Id);
        Assert.Equal("completed", Assert.Single(executed).Status);

        // The poll path never gets it again.
        for (var i = 0; i < 20; i++)
        {
            await ea.TimerAsync();
        }
        await HeartbeatsAsync(ea, count: 1);
        Assert.Single(executed);
        Assert.Equal("heartbeat", await probe.EventuallyAsync<string>("SELECT delivered_via FROM commands WHERE id = $1", commandId));
        Assert.Equal("COMPLETED", await probe.EventuallyAsync<string>("SELECT status FROM commands WHERE id = $1 AND status IN ('COMPLETED', 'FAILED')", commandId));
        Assert.Equal(1L, await probe.ScalarAsync<long>("SELECT count(*) FROM command_events WHERE command_id = $1 AND to_status = 'DELIVERED'", commandId));
    }

    [Fact]
    public async Task HeartbeatsAndPollsRacingForOneQueueDeliverEachCommandExactlyOnce()
    {
        const long login = 5_900_000_005;
        const int commandCount = 60;
        await using var probe = new SystemProbe(fixture.App);
        using var wire = new EaWire(fixture.App);
        var key = await wire.ConnectAsync(login);
        var created = new List<string>();
        for (var i = 0; i < commandCount; i++)
        {
            created.Add(await SimulatedEas.CreateCommandAsync(fixture.App, login, "CLOSE_TRADE", new { ticket = 1000 + i, reason = "TIME_EXIT" }));
        }

        // Rounds of two heartbeats and two polls at once, until nothing is left to take.
        var deliveries = new List<(string Via, string Id)>();
        var heartbeat = EaRequestBodies.Heartbeat(login, key, 1730709002, new AccountSnapshot(10000, 10000, 0, 10000), ProfitWindows.Zero);
        var poll = EaRequestBodies.AccountAndKey(login, key);
        using (var timeout = new CancellationTokenSource(Patience))
        {
            while (deliveries.Count < commandCount)
            {
                timeout.Token.ThrowIfCancellationRequested();
                var round = await Task.WhenAll(
                    TakeAsync(wire, "heartbeat", "/api/heartbeat", heartbeat), TakeAsync(wire, "get_commands", "/api/get_commands", poll),
                    TakeAsync(wire, "heartbeat", "/api/heartbeat", heartbeat), TakeAsync(wire, "get_commands", "/api/get_commands", poll));
                deliveries.AddRange(round.SelectMany(r => r));
            }
        }

        Assert.Equal(commandCount, deliveries.Count);
        Assert.Equal(created.Order(), deliveries.Select(d => d.Id).Order());
        Assert.Contains(deliveries, d => d.Via == "heartbeat");
        Assert.Contains(deliveries, d => d.Via == "get_commands");
        await probe.WaitForIngestDrainedAsync();
        var stored = await probe.RowsAsync(
            "SELECT delivered_via, count(*) AS n FROM commands WHERE id = ANY($1) AND delivered_via IS NOT NULL GROUP BY delivered_via", new object[] { created.ToArray() });
        Assert.Equal(deliveries.GroupBy(d => d.Via).ToDictionary(g => g.Key, g => (long)g.Count()),
            stored.ToDictionary(r => (string)r["delivered_via"]!, r => (long)r["n"]!));
    }

    private async Task<IReadOnlyList<string>> SymbolsAnswerAsync(long login, string key)
    {
        using var wire = new EaWire(fixture.App);
        var reply = await wire.PostAsync("command", "/api/symbols", EaRequestBodies.AccountAndKey(login, key));
        Assert.Equal(200, reply.Status);
        return EaResponseParser.Symbols(reply.Body)!;
    }

    private static async Task<IEnumerable<(string Via, string Id)>> TakeAsync(EaWire wire, string via, string path, string body)
    {
        var reply = await wire.PostAsync("command", path, body);
        Assert.Equal(200, reply.Status);
        return EaResponseParser.Commands(reply.Body).Select(c => (via, c.Id)).ToList();
    }

    /// <summary>Timer calls and chart ticks until <paramref name="count"/> more heartbeats went out (one per 2 s of broker time).</summary>
    private static async Task HeartbeatsAsync(SimulatedEa ea, int count)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var target = ea.Statistics.Snapshot().RequestsTo(EaRoutes.Heartbeat) + count;
        while (ea.Statistics.Snapshot().RequestsTo(EaRoutes.Heartbeat) < target)
        {
            await ea.ChartTickAsync(timeout.Token);
            await ea.TimerAsync(timeout.Token);
            await Task.Delay(100, timeout.Token);
        }
    }
}
