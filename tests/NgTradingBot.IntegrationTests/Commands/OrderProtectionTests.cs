using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Commands;

/// <summary>
/// An order's time to live and price guard, with the test acting as the EA on the wire: a signal past its TTL, or
/// whose price moved too far from the last quote the EA posted, is EXPIRED with its reason and never handed out,
/// checked at the poll itself rather than at the next expiry sweep.
/// </summary>
[Collection(CommandLifecycleCollection.Name)]
public sealed class OrderProtectionTests(CommandLifecycleFixture fixture)
{
    [Fact]
    public async Task ASignalAlreadyPastItsTtlIsNotHandedToTheNextPollAndExpiresWithTheTtlAsReason()
    {
        const long login = 5_900_000_101;
        using var wire = new EaWire(fixture.App);
        using var client = fixture.App.CreateTradingClient(fixture.App.OperatorKey());
        var key = await wire.ConnectAsync(login);

        var order = await client.CreateOrderAsync(login, Buy(1.0m, 1.2m) with
        {
            TimeToLive = TimeSpan.FromSeconds(5),
            SignalAt = DateTimeOffset.UtcNow.AddSeconds(-10),
        });
        var poll = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));
        var expired = await client.WaitForOutcomeAsync(order.Id, TimeSpan.FromSeconds(30));

        Assert.Equal(200, poll.Status);
        Assert.Empty(EaResponseParser.Commands(poll.Body));
        Assert.Equal(CommandStatus.Expired, expired.Status);
        Assert.Equal(5, expired.Protection!.TtlSeconds);
        Assert.StartsWith("signal older than its TTL of 5 s", Reason(expired));
        Assert.Null(expired.DeliveredAt);
    }

    [Fact]
    public async Task AnOrderWhosePriceMovedTooFarExpiresAtThePollAndOneWithinItsDeviationIsDelivered()
    {
        const long login = 5_900_000_102;
        using var wire = new EaWire(fixture.App);
        using var client = fixture.App.CreateTradingClient(fixture.App.OperatorKey());
        var key = await wire.ConnectAsync(login);
        await PostQuoteAsync(fixture.App, wire, login, key, "EURUSD", bid: 1.08500m, ask: 1.08510m);

        var moved = await client.CreateOrderAsync(login, Buy(1.07m, 1.10m) with { SignalPrice = 1.08300m, MaxPriceDeviation = 0.0005m });
        var firstPoll = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));
        var within = await client.CreateOrderAsync(login, Buy(1.07m, 1.10m) with { SignalPrice = 1.08490m, MaxPriceDeviation = 0.0005m });
        var delivered = await wire.PollUntilCommandsAsync(login, key);
        var expired = await client.WaitForOutcomeAsync(moved.Id, TimeSpan.FromSeconds(30));

        Assert.Empty(EaResponseParser.Commands(firstPoll.Body));
        Assert.Equal(CommandStatus.Expired, expired.Status);
        Assert.Equal("price moved 0.0021 from 1.08300 to 1.0851 (ask), more than the maximum deviation of 0.0005", Reason(expired));
        Assert.Equal("delivery", Detail(expired).GetProperty("at").GetString());
        Assert.Equal([within.Id], delivered);
    }

    [Fact]
    public async Task AGuardedSellIsCheckedAgainstTheBidAndExpiresWithoutAQuoteOfItsSymbol()
    {
        const long login = 5_900_000_103;
        using var wire = new EaWire(fixture.App);
        using var client = fixture.App.CreateTradingClient(fixture.App.OperatorKey());
        var key = await wire.ConnectAsync(login);
        await PostQuoteAsync(fixture.App, wire, login, key, "EURUSD", bid: 1.08500m, ask: 1.08600m);

        // 0.0010 from the ask, but a SELL trades at the bid, which has not moved.
        var sell = await client.CreateOrderAsync(login, new OrderRequest("EURUSD", OrderSide.Sell, 1.10m, 1.07m)
            { SignalPrice = 1.08500m, MaxPriceDeviation = 0.0001m });
        var unquoted = await client.CreateOrderAsync(login, new OrderRequest("GBPUSD", OrderSide.Sell, 1.30m, 1.20m)
            { SignalPrice = 1.25m, MaxPriceDeviation = 0.01m });
        var poll = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));
        var expired = await client.WaitForOutcomeAsync(unquoted.Id, TimeSpan.FromSeconds(30));

        Assert.Equal([sell.Id], EaResponseParser.Commands(poll.Body).Select(c => c.Id));
        Assert.Equal(CommandStatus.Expired, expired.Status);
        Assert.Equal("no quote of GBPUSD in the last 5 s to check the price against", Reason(expired));
    }

    [Fact]
    public async Task HalfAPriceGuardIsRefusedWithA400AndCreatesNothing()
    {
        const long login = 5_900_000_104;
        using var wire = new EaWire(fixture.App);
        using var client = fixture.App.CreateTradingClient(fixture.App.OperatorKey());
        await wire.ConnectAsync(login);

        var refused = await Assert.ThrowsAsync<TradingBotApiException>(() => client.CreateOrderAsync(login, Buy(1.0m, 1.2m) with { SignalPrice = 1.1m }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("signalPrice and maxPriceDeviation go together", refused.Message);
        Assert.Empty(await client.ListCommandsAsync(login));
    }

    private static OrderRequest Buy(decimal sl, decimal tp) => new("EURUSD", OrderSide.Buy, sl, tp);

    private static JsonElement Detail(Command command) => command.Events!.Last(e => e.ToStatus == CommandStatus.Expired).Detail!.Value;

    private static string? Reason(Command command) => Detail(command).GetProperty("reason").GetString();

    private static async Task PostQuoteAsync(DistributedApplication app, EaWire wire, long login, string key, string symbol, decimal bid, decimal ask)
    {
        var tick = $$"""{"symbol":"{{symbol}}","bid":{{bid}},"ask":{{ask}},"spread":{{ask - bid}},"volume":0,"timestamp":1730709012,"tz_offset":0,"tradeable":false}""";
        var body = $$"""{"account":{{login}},"api_key":"{{key}}","ticks":[{{tick}}],"positions":[],"balance":10000.00,"equity":10000.00,"margin":0.00,"free_margin":10000.00,"profit_today":0.00,"profit_week":0.00,"profit_month":0.00,"profit_year":0.00}""";
        var reply = await wire.PostAsync("ticks", "/api/ticks", body);
        Assert.Equal(200, reply.Status);
        // The gateway writes the quote board behind the answer (EaGateway:QuoteBoardInterval): the order must find this quote.
        await using var probe = new SystemProbe(app);
        await probe.WaitForQuoteAsync(login, symbol, $"{bid} {ask} ");
    }
}
