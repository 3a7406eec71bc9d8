using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Strategy;

/// <summary>Orders sent in batches: stored in their order, all or nothing, safe to retry, their outcomes followed on one stream.</summary>
[Collection(AppCollection.Name)]
public sealed class CommandBatchTests(AppFixture fixture)
{
    private static readonly OrderRequest Order = new("EURUSD", OrderSide.Buy, StopLoss: 1.0500m, TakeProfit: 1.1500m);

    [Fact]
    public async Task ABatchIsStoredInItsOrderAndDeliveredFirstInFirstOut()
    {
        const long login = 5_700_000_301;
        using var wire = new EaWire(fixture.App);
        var key = await wire.ConnectAsync(login);
        using var strategy = fixture.App.CreateOperatorClient();
        await using var probe = new SystemProbe(fixture.App);

        var created = await strategy.CreateOrdersAsync(login, [.. Enumerable.Range(0, 12).Select(i => Order with { Comment = $"batch {i}" })]);
        var delivered = new List<string>();
        while (delivered.Count < created.Count)
        {
            delivered.AddRange(await wire.PollUntilCommandsAsync(login, key));
        }

        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"batch {i}"), created.Select(c => c.Payload.GetProperty("comment").GetString()));
        Assert.All(created, c => Assert.Equal([CommandStatus.Pending], c.Events!.Select(e => e.ToStatus)));
        Assert.Equal(created.Select(c => c.Id), delivered);
        Assert.Equal(12, await probe.ScalarAsync<long>("SELECT count(*) FROM command_events WHERE command_id = ANY($1) AND to_status = 'PENDING'", (object)created.Select(c => c.Id).ToArray()));
    }

    [Fact]
    public async Task ARetriedBatchIsTheFirstOneAndAKeyUsedForAnotherOrderRefusesTheWholeBatch()
    {
        const long login = 5_700_000_302;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(login);
        using var strategy = fixture.App.CreateOperatorClient();
        await using var probe = new SystemProbe(fixture.App);
        const string countSql = "SELECT count(*) FROM commands c JOIN accounts a ON a.id = c.account_id WHERE a.login = $1";

        var first = await strategy.CreateOrdersAsync(login, [Order, Order with { Volume = 0.02m }, Order with { Volume = 0.03m }], idempotencyKey: "burst-7");
        var again = await strategy.CreateOrdersAsync(login, [Order, Order with { Volume = 0.02m }, Order with { Volume = 0.03m }], idempotencyKey: "burst-7");
        var longer = await strategy.CreateOrdersAsync(login, [Order, Order with { Volume = 0.02m }, Order with { Volume = 0.03m }, Order with { Volume = 0.04m }], idempotencyKey: "burst-7");
        var conflict = await Assert.ThrowsAsync<TradingBotApiException>(() => strategy.CreateCommandsAsync(login,
            [new BatchedCommand(new CommandRequest("OPEN_TRADE", new { symbol = "EURUSD", order_type = "SELL", sl = 1.15, tp = 1.05 }), "fresh-1"),
             new BatchedCommand(new CommandRequest("OPEN_TRADE", new { symbol = "EURUSD", order_type = "SELL", sl = 1.15, tp = 1.05 }), "burst-7/1")]));

        Assert.Equal(first.Select(c => c.Id), again.Select(c => c.Id));
        Assert.Equal(first.Select(c => c.Id), longer.Take(3).Select(c => c.Id));
        Assert.Equal(["burst-7/0", "burst-7/1", "burst-7/2", "burst-7/3"], longer.Select(c => c.IdempotencyKey));
        Assert.Equal(ApiErrorKind.IdempotencyConflict, conflict.Kind);
        Assert.Contains(first[1].Id, conflict.Message);
        Assert.Equal(4, await probe.ScalarAsync<long>(countSql, login));
        Assert.Equal(0, await probe.ScalarAsync<long>("SELECT count(*) FROM commands WHERE idempotency_key = 'fresh-1'"));
    }

    [Fact]
    public async Task ABadBatchIsRefusedWithItsFirstProblemAndStoresNothing()
    {
        const long login = 5_700_000_303;
        const long blocked = 5_700_000_304;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(login);
        await wire.ConnectAsync(blocked);
        using var strategy = fixture.App.CreateOperatorClient();
        await strategy.BlockAsync(blocked);
        using var core = fixture.App.CreateCoreClient();
        await using var probe = new SystemProbe(fixture.App);
        var before = await probe.ScalarAsync<long>("SELECT count(*) FROM commands");
        var good = new { command = new { type = "OPEN_TRADE", payload = new { symbol = "EURUSD", order_type = "BUY", sl = 1.05, tp = 1.15 } } };
        var noStops = new { command = new { type = "OPEN_TRADE", payload = new { symbol = "EURUSD", order_type = "BUY" } } };

        var refusals = new (object Body, long Login, HttpStatusCode Status, string Named)[]
        {
            (new { commands = Array.Empty<object>() }, login, HttpStatusCode.BadRequest, "commands must hold 1 to 100"),
            (new { commands = Enumerable.Repeat(good, 101) }, login, HttpStatusCode.BadRequest, "commands must hold 1 to 100"),
            (new { commands = new object[] { good, noStops } }, login, HttpStatusCode.BadRequest, "commands[1]: "),
            (new { commands = new object[] { good, new { idempotencyKey = "k" } } }, login, HttpStatusCode.BadRequest, "commands[1]: command is required"),
            (new { commands = new object[] { good, new { idempotencyKey = "twice", good.command }, new { idempotencyKey = "twice", good.command } } },
                login, HttpStatusCode.BadRequest, "commands[2]: idempotencyKey twice is given twice"),
            (new { commands = new object[] { new { idempotencyKey = "", good.command } } }, login, HttpStatusCode.BadRequest, "commands[0]: idempotencyKey must be"),
            (new { commands = new object[] { good } }, 5_700_000_399, HttpStatusCode.NotFound, "not known"),
            (new { commands = new object[] { good } }, blocked, HttpStatusCode.Conflict, "blocked"),
        };
        foreach (var (body, account, status, named) in refusals)
        {
            using var response = await core.PostAsJsonAsync($"/api/accounts/{account}/commands/batch", body);
            var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
            Assert.True(response.StatusCode == status, $"{status} expected for {JsonSerializer.Serialize(body)[..Math.Min(120, JsonSerializer.Serialize(body).Length)]}: {(int)response.StatusCode} {message}");
            Assert.Contains(named, message);
        }

        Assert.Equal(before, await probe.ScalarAsync<long>("SELECT count(*) FROM commands"));
    }

    [Fact]
    public async Task AStrategyFollowsABatchsOutcomesOnTheAccountsStream()
    {
        const long login = 5_700_000_305;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        var order = SimulatedEas.BuyNearQuote(ea);
        using var strategy = fixture.App.CreateOperatorClient();

        await using var watch = await strategy.WatchCommandsAsync(login);
        var created = await strategy.CreateOrdersAsync(login, [order with { Comment = "follow 0" }, order with { Comment = "follow 1" }, order with { Comment = "follow 2" }]);
        var executed = await SimulatedEas.PollUntilExecutedAsync(ea, [.. created.Select(c => c.Id)]);
        var outcomes = await strategy.WaitForOutcomesAsync(watch, [.. created.Select(c => c.Id)], TimeSpan.FromSeconds(90));

        Assert.Equal(created.Select(c => c.Id), outcomes.Select(o => o.Id));
        Assert.All(outcomes, o => Assert.Equal(CommandStatus.Completed, o.Status));
        Assert.Equal(created.Select(c => c.Id).Order(), executed.Select(e => e.Id).Order());
        Assert.Equal(executed.Select(e => JsonDocument.Parse(e.ResponseJson).RootElement.GetProperty("ticket").GetInt64()).Order(),
            outcomes.Select(o => o.Ticket!.Value).Order());
    }

    [Fact]
    public async Task OutcomesNotSeenFinalInTimeAreReadAsTheyAreWhenTheWaitEnds()
    {
        const long login = 5_700_000_306;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(login);
        using var strategy = fixture.App.CreateOperatorClient();

        await using var watch = await strategy.WatchCommandsAsync(login);
        var created = await strategy.CreateOrdersAsync(login, [Order, Order with { Volume = 0.02m }]);
        // Nobody polls for this account: both stay queued through the wait.
        var outcomes = await strategy.WaitForOutcomesAsync(watch, [.. created.Select(c => c.Id)], TimeSpan.FromSeconds(1));

        Assert.Equal(created.Select(c => c.Id), outcomes.Select(o => o.Id));
        Assert.All(outcomes, o => Assert.Equal(CommandStatus.Pending, o.Status));
        Assert.All(outcomes, o => Assert.NotNull(o.Events));
    }
}
