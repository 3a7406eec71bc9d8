using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Strategy;

/// <summary>The command API's promises: idempotent creation, cancel only before delivery, and one delivery however many polls race.</summary>
[Collection(AppCollection.Name)]
public sealed class CommandApiTests(AppFixture fixture)
{
    private static readonly OrderRequest Order = new("EURUSD", OrderSide.Buy, StopLoss: 1.0500m, TakeProfit: 1.1500m);

    [Fact]
    public async Task TheSameIdempotencyKeyAndBodyIsTheFirstCommandAndAnotherBodyIsRefused()
    {
        const long login = 5_700_000_201;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(login);
        await using var probe = new SystemProbe(fixture.App);
        using var strategy = fixture.App.CreateOperatorClient();

        var first = await strategy.CreateOrderAsync(login, Order, idempotencyKey: "signal-4711");
        var again = await strategy.CreateOrderAsync(login, Order, idempotencyKey: "signal-4711");
        var other = await Assert.ThrowsAsync<TradingBotApiException>(() => strategy.CreateOrderAsync(login, Order with { Volume = 0.02m }, idempotencyKey: "signal-4711"));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => strategy.CreateOrderAsync(login, Order, idempotencyKey: "signal-4712")));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(ApiErrorKind.IdempotencyConflict, other.Kind);
        Assert.Contains(first.Id, other.Message);
        Assert.Single(concurrent.Select(c => c.Id).Distinct());
        Assert.Equal(2, await probe.ScalarAsync<long>("SELECT count(*) FROM commands c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1", login));
        Assert.Equal(1, await probe.ScalarAsync<long>("SELECT count(*) FROM command_events WHERE command_id = $1", first.Id));
    }

    [Fact]
    public async Task ACommandIsCancelledBeforeDeliveryAndRefusedAfterIt()
    {
        const long login = 5_700_000_202;
        using var wire = new EaWire(fixture.App);
        var key = await wire.ConnectAsync(login);
        using var strategy = fixture.App.CreateOperatorClient();

        var early = await strategy.CreateOrderAsync(login, Order);
        var cancelled = await strategy.CancelAsync(early.Id);
        var cancelledAgain = await strategy.CancelAsync(early.Id);
        var late = await strategy.CreateOrderAsync(login, Order);
        var poll = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));
        var refused = await Assert.ThrowsAsync<TradingBotApiException>(() => strategy.CancelAsync(late.Id));
        var unknown = await Assert.ThrowsAsync<TradingBotApiException>(() => strategy.CancelAsync("cmd_doesnotexist"));

        Assert.Equal(CommandStatus.Cancelled, cancelled.Status);
        Assert.Equal(CommandStatus.Cancelled, cancelledAgain.Status);
        Assert.DoesNotContain(early.Id, poll.Body);
        Assert.Contains(late.Id, poll.Body);
        Assert.Equal(ApiErrorKind.Conflict, refused.Kind);
        Assert.Contains("at most once", refused.Message);
        Assert.Equal(ApiErrorKind.NotFound, unknown.Kind);
    }

    [Fact]
    public async Task TwentyConcurrentPollsDeliverEveryCommandExactlyOnce()
    {
        const long login = 5_700_000_203;
        using var wire = new EaWire(fixture.App);
        var key = await wire.ConnectAsync(login);
        using var strategy = fixture.App.CreateOperatorClient();
        var created = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            created.Add((await strategy.CreateOrderAsync(login, Order with { Comment = $"race {i}" })).Id);
        }

        var delivered = new List<string>();
        for (var round = 0; round < 10 && delivered.Count < created.Count; round++)
        {
            var polls = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key))));
            delivered.AddRange(polls.SelectMany(p => JsonDocument.Parse(p.Body).RootElement.GetProperty("commands").EnumerateArray())
                .Select(c => c.GetProperty("id").GetString()!));
        }

        Assert.Equal(created.Order(), delivered.Order());
    }

    [Fact]
    public async Task AnOrderForAnUnknownOrBlockedAccountIsRefusedAndStoresNothing()
    {
        const long blocked = 5_700_000_204;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(blocked);
        using var strategy = fixture.App.CreateOperatorClient();
        await strategy.BlockAsync(blocked);
        await using var probe = new SystemProbe(fixture.App);
        var before = await probe.ScalarAsync<long>("SELECT count(*) FROM commands");

        var unknown = await Assert.ThrowsAsync<TradingBotApiException>(() => strategy.CreateOrderAsync(5_700_000_299, Order));
        var refused = await Assert.ThrowsAsync<TradingBotApiException>(() => strategy.CreateOrderAsync(blocked, Order));
        var invalid = await Assert.ThrowsAsync<TradingBotApiException>(() => strategy.CreateOrderAsync(blocked, Order with { StopLoss = 0 }));

        Assert.Equal(ApiErrorKind.NotFound, unknown.Kind);
        Assert.Equal(ApiErrorKind.Conflict, refused.Kind);
        Assert.Contains("blocked", refused.Message);
        Assert.Equal(ApiErrorKind.InvalidRequest, invalid.Kind);
        Assert.Equal(before, await probe.ScalarAsync<long>("SELECT count(*) FROM commands"));
    }
}
