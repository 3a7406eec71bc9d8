using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NgTradingBot.EaSimulator;
using NgTradingBot.Handoff;
using NgTradingBot.IntegrationTests.Hosting;
using StackExchange.Redis;

namespace NgTradingBot.IntegrationTests.Commands;

/// <summary>
/// Delivery order and the ends of the lifecycle, with the test acting as the EA on the wire (it polls and answers
/// nothing): priorities first, FIFO within one even after a re-queue, expiry, response timeouts, and a timeout
/// sweep that keeps timing out while Redis is down.
/// </summary>
[Collection(CommandLifecycleCollection.Name)]
public sealed class CommandLifecycleTests(CommandLifecycleFixture fixture)
{
    private static readonly object Modify = new { ticket = 5_000_000_001L, sl = 1.07m, tp = 1.09m };

    [Fact]
    public async Task DeliversCriticalHighNormalLowAndFifoWithinAPriority()
    {
        const long login = 5_900_000_001;
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        var key = await wire.ConnectAsync(login);

        var low = await commands.CreateAsync(login, "MODIFY_TRADE", Modify, "LOW");
        var normal = await commands.CreateAsync(login, "MODIFY_TRADE", Modify, "NORMAL");
        var high = await commands.CreateAsync(login, "MODIFY_TRADE", Modify, "HIGH");
        var critical = await commands.CreateAsync(login, "MODIFY_TRADE", Modify, "CRITICAL");
        var laterNormal = await commands.CreateAsync(login, "MODIFY_TRADE", Modify, "NORMAL");
        var delivered = await wire.PollUntilCommandsAsync(login, key);

        Assert.Equal([critical, high, normal, laterNormal, low], delivered);
    }

    [Fact]
    public async Task ACommandQueuedAgainByTheRelayKeepsItsPlaceAheadOfLaterOnesOfItsPriority()
    {
        const long login = 5_900_000_002;
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        using var redis = await ConnectionMultiplexer.ConnectAsync(SystemProbe.ConnectionString(fixture.App, "redis"));
        var key = await wire.ConnectAsync(login);
        var first = await commands.CreateAsync(login, "MODIFY_TRADE", Modify);
        var second = await commands.CreateAsync(login, "MODIFY_TRADE", Modify);

        // Redis loses the first command's enqueue (as after a failover); PostgreSQL still holds it as PENDING.
        var database = redis.GetDatabase();
        await database.KeyDeleteAsync(EaRedisKeys.Command(first));
        await database.SortedSetRemoveAsync(EaRedisKeys.CommandQueue(login), first);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (!await database.KeyExistsAsync(EaRedisKeys.Command(first)))
            {
                await Task.Delay(100, timeout.Token);
            }
        }
        var delivered = await wire.PollUntilCommandsAsync(login, key);

        Assert.Equal([first, second], delivered);
    }

    [Fact]
    public async Task ACommandNotDeliveredBeforeItsExpiryIsExpiredAndNeverDelivered()
    {
        const long login = 5_900_000_003;
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        var key = await wire.ConnectAsync(login);
        var id = await commands.CreateAsync(login, "MODIFY_TRADE", Modify, expiresInSeconds: 1);

        var expired = await commands.WaitForStatusAsync(id, "EXPIRED");
        var poll = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));

        Assert.Equal(["->PENDING", "PENDING->EXPIRED"], CoreCommands.Steps(expired));
        Assert.Equal("not delivered before expires_at", CoreCommands.StepInto(expired, "EXPIRED").GetProperty("reason").GetString());
        Assert.Equal(0, expired.GetProperty("attempts").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, expired.GetProperty("finishedAt").ValueKind);
        Assert.Empty(EaResponseParser.Commands(poll.Body));
    }

    [Fact]
    public async Task ADeliveredCommandWithoutAnAnswerTimesOutAndAnUnansweredOpenTradeBecomesOutcomeUnknown()
    {
        const long login = 5_900_000_004;
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        var key = await wire.ConnectAsync(login);
        var modify = await commands.CreateAsync(login, "MODIFY_TRADE", Modify);
        var open = await commands.CreateAsync(login, "OPEN_TRADE", new { symbol = "EURUSD", order_type = "BUY", volume = 0.1m, sl = 1.0m, tp = 1.2m });
        Assert.Equal([modify, open], await wire.PollUntilCommandsAsync(login, key));

        var timedOut = await commands.WaitForStatusAsync(modify, "TIMED_OUT");
        var unknown = await commands.WaitForStatusAsync(open, "OUTCOME_UNKNOWN");

        Assert.Equal(["->PENDING", "PENDING->DELIVERED", "DELIVERED->TIMED_OUT"], CoreCommands.Steps(timedOut));
        Assert.NotEqual(JsonValueKind.Null, timedOut.GetProperty("finishedAt").ValueKind);
        Assert.Equal(["->PENDING", "PENDING->DELIVERED", "DELIVERED->OUTCOME_UNKNOWN"], CoreCommands.Steps(unknown));
        // A position may exist: it is not finished, and it was not sent again.
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("finishedAt").ValueKind);
        Assert.Equal(1, unknown.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task DeliveredCommandsStillTimeOutWhileRedisIsDownAndExpiryResumesWhenItIsBack()
    {
        const long login = 5_900_000_005;
        var resources = fixture.App.Services.GetRequiredService<ResourceCommandService>();
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        var key = await wire.ConnectAsync(login);
        var delivered = await commands.CreateAsync(login, "MODIFY_TRADE", Modify);
        Assert.Equal([delivered], await wire.PollUntilCommandsAsync(login, key));
        await commands.WaitForStatusAsync(delivered, "DELIVERED");
        // Due for expiry while Redis is down: expiring it needs Redis (was it delivered meanwhile?), so that step fails.
        var undelivered = await commands.CreateAsync(login, "MODIFY_TRADE", Modify, expiresInSeconds: 1);

        var stop = await resources.ExecuteCommandAsync("redis", KnownResourceCommands.StopCommand);
        try
        {
            Assert.True(stop.Success, stop.Message);
            var timedOut = await commands.WaitForStatusAsync(delivered, "TIMED_OUT", TimeSpan.FromSeconds(45));

            Assert.Equal("no response by response_due_at", CoreCommands.StepInto(timedOut, "TIMED_OUT").GetProperty("reason").GetString());
            Assert.Equal("PENDING", (await commands.GetAsync(undelivered)).GetProperty("status").GetString());
        }
        finally
        {
            var start = await resources.ExecuteCommandAsync("redis", KnownResourceCommands.StartCommand);
            Assert.True(start.Success, start.Message);
            await fixture.App.WaitHealthyAsync("redis", TimeSpan.FromMinutes(2), throughRestart: true);
            await fixture.App.WaitHealthyAsync("core", TimeSpan.FromMinutes(2), throughRestart: true);
            await fixture.App.WaitHealthyAsync("gateway", TimeSpan.FromMinutes(2), throughRestart: true);
        }

        await commands.WaitForStatusAsync(undelivered, "EXPIRED");
    }
}
