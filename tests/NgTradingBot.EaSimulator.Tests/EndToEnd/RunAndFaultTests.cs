using System.Collections.Concurrent;
using NgTradingBot.EaSimulator.Tests.Support;

namespace NgTradingBot.EaSimulator.Tests.EndToEnd;

/// <summary>Real-time runs: they wait for server-side events (with a generous safety limit), never for durations.</summary>
public class RunAndFaultTests
{
    private static readonly TimeSpan SafetyLimit = TimeSpan.FromSeconds(20);

    private static EaOptions RealTime(FakeEaServer server) => server.Options(TimeProvider.System) with { TimerInterval = TimeSpan.FromMilliseconds(10) };

    [Fact]
    public async Task RunStreamsUntilCancelledThenSendsTheDisconnectLog()
    {
        await using var server = await FakeEaServer.StartAsync();
        var enoughTicks = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tickPosts = 0;
        server.Received += request =>
        {
            if (request.Path == EaRoutes.Ticks && Interlocked.Increment(ref tickPosts) == 3)
            {
                enoughTicks.TrySetResult();
            }
        };
        await using var ea = new SimulatedEa(RealTime(server));
        using var stop = new CancellationTokenSource();

        var run = ea.RunAsync(stop.Token);
        await enoughTicks.Task.WaitAsync(SafetyLimit);
        await stop.CancelAsync();
        await run.WaitAsync(SafetyLimit);

        var logs = server.To(EaRoutes.Log);
        Assert.Contains("\"message\":\"EA disconnecting\",\"details\":{\"info\":\"Normal shutdown\"}", logs[^1].Text, StringComparison.Ordinal);
        Assert.Equal(EaRoutes.Connect, server.Paths[0]);
        Assert.False(ea.Connected);
    }

    [Fact]
    public async Task AFleetConnectsEveryLoginOnce()
    {
        await using var server = await FakeEaServer.StartAsync();
        var logins = new ConcurrentDictionary<long, int>();
        var allConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Received += request =>
        {
            if (request.Path == EaRoutes.GetCommands)
            {
                logins.AddOrUpdate(request.Json.GetProperty("account").GetInt64(), 1, (_, n) => n + 1);
                if (logins.Count == 3)
                {
                    allConnected.TrySetResult();
                }
            }
        };
        await using var fleet = new EaFleet(RealTime(server), 3, 50_000_000);
        using var stop = new CancellationTokenSource();

        var run = fleet.RunAsync(stop.Token);
        await allConnected.Task.WaitAsync(SafetyLimit);
        await stop.CancelAsync();
        await run.WaitAsync(SafetyLimit);

        Assert.Equal([50_000_000L, 50_000_001L, 50_000_002L], logins.Keys.Order());
        var statistics = fleet.Statistics();
        Assert.Equal(3, statistics.RequestsTo(EaRoutes.Connect));
        Assert.Equal(statistics.Requests, statistics.Statuses.Values.Sum());
    }

    [Fact]
    public async Task AFleetRampsItsStartsUpRatherThanConnectingEveryEaAtOnce()
    {
        await using var server = await FakeEaServer.StartAsync();
        var connects = new ConcurrentQueue<DateTimeOffset>();
        var allConnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Received += request =>
        {
            if (request.Path == EaRoutes.Connect)
            {
                connects.Enqueue(DateTimeOffset.UtcNow);
                if (connects.Count == 5)
                {
                    allConnected.TrySetResult();
                }
            }
        };
        await using var fleet = new EaFleet(RealTime(server), 5, 50_000_000, startsPerSecond: 10);
        using var stop = new CancellationTokenSource();

        var started = DateTimeOffset.UtcNow;
        var run = fleet.RunAsync(stop.Token);
        await allConnected.Task.WaitAsync(SafetyLimit);
        await stop.CancelAsync();
        await run.WaitAsync(SafetyLimit);

        // Five starts at ten a second: the fifth connect cannot arrive before 0.4 s after the fleet started (a slow
        // machine only delays it further; measured from the first arrival instead, a slow first connect shrank the gap).
        var last = connects.Max();
        Assert.True(last - started >= TimeSpan.FromMilliseconds(390), $"all five connected within {last - started} of the start");
    }

    [Fact]
    public async Task ADroppedResponseReachedTheServerButTheEaSeesMinusOne()
    {
        await using var server = await FakeEaServer.StartAsync();
        await using var faulty = new SimulatedEa(server.Options() with { Faults = new EaFaults(DropResponseProbability: 1) });

        Assert.False(await faulty.InitAsync());

        Assert.Equal([EaRoutes.Connect], server.Paths);
        var exchange = Assert.Single(faulty.Journal);
        Assert.Equal((-1, "dropped"), (exchange.Status, exchange.Fault));
        Assert.Equal(1, faulty.Statistics.Snapshot().InjectedDrops);
    }

    [Fact]
    public async Task ADisconnectNeverReachesTheServer()
    {
        await using var server = await FakeEaServer.StartAsync();
        await using var ea = new SimulatedEa(server.Options() with { Faults = new EaFaults(DisconnectProbability: 1) });

        Assert.False(await ea.InitAsync());

        Assert.Empty(server.Requests);
        Assert.Equal("disconnected", Assert.Single(ea.Journal).Fault);
    }

    [Fact]
    public async Task ASlowReplyPastTheTimeoutCountsAsMinusOne()
    {
        await using var server = await FakeEaServer.StartAsync();
        var options = server.Options() with
        {
            ConnectionTimeout = TimeSpan.FromMilliseconds(300),
            Faults = new EaFaults(SlowReplyProbability: 1, SlowReplyDelay: TimeSpan.FromSeconds(30)),
        };
        await using var ea = new SimulatedEa(options);

        Assert.False(await ea.InitAsync());

        Assert.Equal((-1, "slow"), (ea.Journal[0].Status, ea.Journal[0].Fault));
    }

    [Fact]
    public async Task AnUnreachableServerIsMinusOne()
    {
        await using var server = await FakeEaServer.StartAsync();
        var options = server.Options() with { ServerUrl = "http://127.0.0.1:1" };
        await using var ea = new SimulatedEa(options);

        Assert.False(await ea.InitAsync());

        Assert.Equal(-1, Assert.Single(ea.Journal).Status);
        Assert.Equal(1, ea.Statistics.Snapshot().Statuses[-1]);
    }
}
