using System.Net;
using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Strategy;

/// <summary>The operator's list of every account's commands (<c>GET /api/commands</c>), and the account lists the status UI reads.</summary>
[Collection(AppCollection.Name)]
public sealed class CommandSearchTests(AppFixture fixture)
{
    private static readonly OrderRequest Order = new("EURUSD", OrderSide.Buy, StopLoss: 1.0500m, TakeProfit: 1.1500m);

    [Fact]
    public async Task CommandsOfEveryAccountAreListedNewestFirstNarrowedByAccountStateTypeAndTimeAndPaged()
    {
        const long first = 5_700_000_401, second = 5_700_000_402;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(first);
        await wire.ConnectAsync(second);
        using var core = fixture.App.CreateOperatorClient();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var a1 = await core.CreateOrderAsync(first, Order);
        var a2 = await core.CreateCommandAsync(first, new CommandRequest("CLOSE_TRADE", new { ticket = 123 }));
        var b1 = await core.CreateOrderAsync(second, Order);
        await core.CancelAsync(a1.Id);

        var both = await core.FindCommandsAsync(new CommandQuery(From: before, Limit: 500));
        var firstOnly = await core.FindCommandsAsync(new CommandQuery(first));
        var cancelled = await core.FindCommandsAsync(new CommandQuery(first, CommandStatus.Cancelled));
        var closes = await core.FindCommandsAsync(new CommandQuery(first, Type: "close_trade"));
        var later = await core.FindCommandsAsync(new CommandQuery(first, From: DateTimeOffset.UtcNow.AddMinutes(1)));
        var page1 = await core.FindCommandsAsync(new CommandQuery(first, Limit: 1));
        var page2 = await core.FindCommandsAsync(new CommandQuery(first, Limit: 1, Cursor: page1.NextCursor));

        Assert.Equal([b1.Id, a2.Id, a1.Id], both.Items.Where(c => c.Login is first or second).Select(c => c.Id));
        Assert.Equal([a2.Id, a1.Id], firstOnly.Items.Select(c => c.Id));
        Assert.Equal([a1.Id], cancelled.Items.Select(c => c.Id));
        Assert.Equal([a2.Id], closes.Items.Select(c => c.Id));
        Assert.Empty(later.Items);
        Assert.Equal([a2.Id], page1.Items.Select(c => c.Id));
        Assert.NotNull(page1.NextCursor);
        Assert.Equal([a1.Id], page2.Items.Select(c => c.Id));
        Assert.Null(page2.NextCursor);
    }

    [Theory]
    [InlineData("status=DONE", "status")]
    [InlineData("type=BUY", "type")]
    [InlineData("from=yesterday", "from")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=abc", "cursor")]
    [InlineData("login=abc", "login")]
    public async Task ABadFilterIsRefusedWithItsReason(string query, string named)
    {
        using var core = fixture.App.CreateCoreClient();

        using var response = await core.GetAsync("/api/commands?" + query);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OnlyTheOperatorListsEveryAccountsCommands()
    {
        using var core = fixture.App.CreateOperatorClient();
        var key = await core.CreateKeyAsync("search-reader", [KeyScopes.Read, KeyScopes.Trade], null);
        using var http = fixture.App.CreateHttpClient("core");
        http.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);

        using var response = await http.GetAsync("/api/commands");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TheAccountListCarriesOpenPositionsAndAnsweredRequestsAndTheAccountItsPositionsAndHealthTimeline()
    {
        const long login = 5_700_000_403;
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        using var core = fixture.App.CreateOperatorClient();
        var order = await core.CreateOrderAsync(login, SimulatedEas.BuyNearQuote(ea));
        await SimulatedEas.PollUntilExecutedAsync(ea, order.Id);
        var outcome = await core.WaitForOutcomeAsync(order.Id, TimeSpan.FromSeconds(60));

        // The position reaches Core on the EA's trade stream; the gateways report traffic once a second.
        AccountSummary? summary = null;
        Page<Position>? positions = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (summary is not { OpenPositions: 1, RequestsAnswered: > 0 } || positions is not { Items.Count: 1 }))
        {
            await Task.Delay(200);
            await ea.TimerAsync();
            summary = (await core.ListAccountsAsync()).Single(a => a.Login == login);
            positions = await core.ListPositionsAsync(login, "open", 10);
        }
        var closed = await core.ListPositionsAsync(login, "closed", 10);
        var timeline = await core.ListConnectionEventsAsync(login, 10);
        using var http = fixture.App.CreateCoreClient();
        using var badStatus = await http.GetAsync($"/api/accounts/{login}/positions?status=pending");

        Assert.Equal(CommandStatus.Completed, outcome.Status);
        Assert.Equal(1, summary!.OpenPositions);
        Assert.True(summary.RequestsAnswered > 0);
        var position = Assert.Single(positions!.Items);
        Assert.Equal(outcome.Ticket, position.Ticket);
        Assert.Equal("open", position.Status);
        Assert.Empty(closed.Items);
        Assert.Contains(timeline.Items, e => e.Event == "connected");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("status", JsonDocument.Parse(await badStatus.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }
}
