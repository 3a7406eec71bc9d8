using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.EaSimulator;
using NgTradingBot.Handoff;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Strategy;

/// <summary>A strategy learns what became of its order by waiting on it (long poll) or by watching the account's event stream.</summary>
[Collection(AppCollection.Name)]
public sealed class OutcomeWaitTests(AppFixture fixture)
{
    [Fact]
    public async Task AWaitingCallerGetsTheOutcomeOnceTheEaHasAnswered()
    {
        const long login = 5_700_000_101;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        using var strategy = fixture.App.CreateOperatorClient();
        var order = await strategy.CreateOrderAsync(login, Order(ea), idempotencyKey: "wait-test-1");

        var waiting = strategy.WaitForOutcomeAsync(order.Id, TimeSpan.FromSeconds(90));
        var executed = await SimulatedEas.PollUntilExecutedAsync(ea, order.Id);
        var outcome = await waiting;

        Assert.Equal("completed", executed.Status);
        Assert.Equal(CommandStatus.Completed, outcome.Status);
        Assert.True(outcome.IsFinal);
        Assert.Equal(JsonDocument.Parse(executed.ResponseJson).RootElement.GetProperty("ticket").GetInt64(), outcome.Ticket);
        Assert.Equal([CommandStatus.Pending, CommandStatus.Delivered, CommandStatus.Completed], outcome.Events!.Select(e => e.ToStatus));
        var stages = outcome.Latency!;
        Assert.All(new[] { stages.DeliveredMs, stages.AnsweredMs, stages.StoredMs, stages.EndToEndMs }, stage => Assert.NotNull(stage));
        Assert.True(stages.EndToEndMs >= stages.DeliveredMs + stages.AnsweredMs + stages.StoredMs - 0.01, $"end to end {stages}");
    }

    [Fact]
    public async Task AWaitThatRunsOutReturnsTheCommandAsItIs()
    {
        const long login = 5_700_000_102;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(login);
        using var strategy = fixture.App.CreateOperatorClient();
        var order = await strategy.CreateOrderAsync(login, new OrderRequest("EURUSD", OrderSide.Buy, 1.05m, 1.15m));

        // Nobody polls for this account: the command stays queued through the whole wait.
        var outcome = await strategy.WaitForOutcomeAsync(order.Id, TimeSpan.FromSeconds(1));

        Assert.Equal(CommandStatus.Pending, outcome.Status);
        Assert.False(outcome.IsFinal);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1s")]
    [InlineData("10m")]
    [InlineData("1e3")]
    public async Task AWaitThatIsNotADurationWithinTheLimitIsRefused(string wait)
    {
        using var core = fixture.App.CreateCoreClient();

        using var response = await core.GetAsync($"/api/commands/cmd_unknown?wait={Uri.EscapeDataString(wait)}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wait", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task TheAccountsEventStreamCarriesEveryTransitionOfItsCommands()
    {
        const long login = 5_700_000_103;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        using var core = fixture.App.CreateCoreClient();
        core.Timeout = TimeSpan.FromMinutes(3);
        using var stream = await core.GetAsync($"/api/accounts/{login}/commands/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(":", await reader.ReadLineAsync());

        using var strategy = fixture.App.CreateOperatorClient();
        var order = await strategy.CreateOrderAsync(login, Order(ea));
        await SimulatedEas.PollUntilExecutedAsync(ea, order.Id);
        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!seen.Contains(CommandStatus.Completed))
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (line?.StartsWith("data: ", StringComparison.Ordinal) == true)
            {
                var command = JsonDocument.Parse(line["data: ".Length..]).RootElement;
                Assert.Equal(order.Id, command.GetProperty("id").GetString());
                seen.Add(command.GetProperty("status").GetString()!);
            }
        }

        Assert.Equal([CommandStatus.Pending, CommandStatus.Delivered, CommandStatus.Completed], seen.Distinct());
    }

    [Fact]
    public async Task AStrategyWatchingAnAccountThroughTheClientSeesItsOrderFromPendingToCompleted()
    {
        const long login = 5_700_000_104;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        using var strategy = fixture.App.CreateOperatorClient();
        var unknown = await Assert.ThrowsAsync<TradingBotApiException>(() => strategy.WatchCommandsAsync(5_700_000_199));

        await using var watch = await strategy.WatchCommandsAsync(login);
        var order = await strategy.CreateOrderAsync(login, Order(ea));
        var executed = await SimulatedEas.PollUntilExecutedAsync(ea, order.Id);
        var seen = new List<CommandUpdate>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var change in watch.ReadAllAsync(timeout.Token))
        {
            seen.Add(change);
            if (change.Status == CommandStatus.Completed)
            {
                break;
            }
        }

        Assert.Equal(ApiErrorKind.NotFound, unknown.Kind);
        Assert.All(seen, change => Assert.Equal(order.Id, change.Id));
        Assert.Equal([CommandStatus.Pending, CommandStatus.Delivered, CommandStatus.Completed], seen.Select(change => change.Status).Distinct());
        Assert.Equal(JsonDocument.Parse(executed.ResponseJson).RootElement.GetProperty("ticket").GetInt64(), seen[^1].Command.Ticket);
        Assert.Null(seen[^1].Command.Events);
    }

    [Fact]
    public async Task AnAnsweredOrdersAnnouncementCarriesItsEndToEndTimeSoListenersNeedNotReadIt()
    {
        const long login = 5_700_000_105;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        await using var probe = new SystemProbe(fixture.App);
        var announced = new ConcurrentQueue<CommandChange>();
        // The ordered queue, as Core and Web subscribe: a handler passed to SubscribeAsync runs concurrently, and a
        // late PENDING could be seen after its COMPLETED.
        var messages = await probe.Redis.GetSubscriber().SubscribeAsync(CommandChangeChannel.Channel);
        messages.OnMessage(message =>
        {
            if (CommandChangeChannel.Parse(message.Message) is { } change)
            {
                announced.Enqueue(change);
            }
        });
        using var strategy = fixture.App.CreateOperatorClient();

        var order = await strategy.CreateOrderAsync(login, Order(ea));
        await SimulatedEas.PollUntilExecutedAsync(ea, order.Id);
        var outcome = await strategy.WaitForOutcomeAsync(order.Id, TimeSpan.FromSeconds(60));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!announced.Any(c => c.Id == order.Id && c.Status == CommandStatus.Completed))
        {
            await Task.Delay(10, timeout.Token);
        }

        var mine = announced.Where(c => c.Id == order.Id).ToList();
        var stored = outcome.Latency!.EndToEndMs!.Value;
        Assert.Equal([CommandStatus.Pending, CommandStatus.Delivered, CommandStatus.Completed], mine.Select(c => c.Status));
        Assert.All(mine.SkipLast(1), c => Assert.Null(c.EndToEndMs));
        // Timed after the commit: at least the record's created-to-stored, and not much more.
        Assert.InRange(mine[^1].EndToEndMs!.Value, stored - 1, stored + 5000);
    }

    private static OrderRequest Order(SimulatedEa ea) => SimulatedEas.BuyNearQuote(ea) with { Comment = "outcome wait test" };
}
