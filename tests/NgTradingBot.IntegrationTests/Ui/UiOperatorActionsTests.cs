using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NgTradingBot.IntegrationTests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace NgTradingBot.IntegrationTests.Ui;

/// <summary>The operator's actions from the browser, each asked for confirmation first and each in Core's audit trail.</summary>
[Collection(UiCollection.Name)]
public sealed class UiOperatorActionsTests(UiFixture fixture)
{
    [Fact]
    public async Task TheOperatorBlocksAndApprovesAnAccountAfterConfirming()
    {
        const long login = 5_900_000_201;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(login);
        var (context, page) = await fixture.SignedInAsync();
        await using var _ = context;
        await using var probe = new SystemProbe(fixture.App);

        await fixture.OpenAsync(page, $"/accounts/{login}");
        await page.ClickAsync("button:text-is('Block')");
        await Expect(page.Locator(".confirm")).ToContainTextAsync("Refuse");
        var stillActive = await page.Locator("[data-state=active]").CountAsync();
        await page.ClickAsync("text=Yes, block");
        await Expect(page.Locator("[data-state=blocked]")).ToBeVisibleAsync();
        await page.ClickAsync("button:text-is('Approve')");
        await page.ClickAsync("text=Yes, approve");
        await Expect(page.Locator("[data-state=active]")).ToBeVisibleAsync();

        Assert.Equal(1, stillActive);
        var audit = await probe.RowsAsync(
            "SELECT e.action, e.actor FROM audit_events e JOIN accounts a ON a.id = e.account_id WHERE a.login = $1 AND e.action IN ('account.blocked', 'account.approved') ORDER BY e.id",
            login);
        Assert.Equal(["account.blocked", "account.approved"], audit.Select(row => (string)row["action"]!));
    }

    [Fact]
    public async Task TheOperatorCreatesRotatesAndRevokesAStrategyKeyAndEachIsAudited()
    {
        var name = "ui-key-" + Guid.NewGuid().ToString("N")[..6];
        var (context, page) = await fixture.SignedInAsync();
        await using var _ = context;
        await using var probe = new SystemProbe(fixture.App);
        using var core = fixture.App.CreateOperatorClient();

        await fixture.OpenAsync(page, "/keys");
        await page.FillAsync("input[placeholder='my-strategy']", name);
        await page.ClickAsync("button:text-is('Create key')");
        await page.ClickAsync("text=Yes, create key");
        await Expect(page.Locator("[data-testid=issued-secret]")).ToContainTextAsync(name);
        var created = await page.Locator("[data-testid=issued-secret] code").TextContentAsync();
        var row = page.Locator("tr", new() { Has = page.Locator($"td:text-is('{name}')") });
        await row.Locator("button:text-is('Rotate')").ClickAsync();
        await row.Locator("text=Yes, rotate").ClickAsync();
        await Expect(page.Locator("[data-testid=issued-secret] code")).Not.ToHaveTextAsync(created!);
        var rotated = await page.Locator("[data-testid=issued-secret] code").TextContentAsync();
        await row.Locator("button:text-is('Revoke')").ClickAsync();
        await row.Locator("text=Yes, revoke").ClickAsync();
        // Created, rotated and revoked: three times in the row (the buttons hide while asking, so they prove nothing).
        await Expect(row.Locator("time")).ToHaveCountAsync(3);
        await Expect(row.Locator("button")).ToHaveCountAsync(0);

        var key = (await core.ListKeysAsync()).Single(k => k.Name == name);
        Assert.NotNull(key.RotatedAt);
        Assert.NotNull(key.RevokedAt);
        Assert.NotEqual(created, rotated);
        var audit = await probe.RowsAsync("SELECT action FROM audit_events WHERE subject = $1 ORDER BY id", key.Id);
        Assert.Equal(["key.created", "key.rotated", "key.revoked"], audit.Select(r => (string)r["action"]!));
    }

    [Fact]
    public async Task TheOperatorResolvesAnUnknownOutcomeByHandAndThePageShowsItLive()
    {
        const long login = 5_900_000_202;
        using var wire = new EaWire(fixture.App);
        var eaKey = await wire.ConnectAsync(login);
        using var commands = new CoreCommands(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var id = await commands.CreateAsync(login, "OPEN_TRADE", new { symbol = "EURUSD", order_type = "BUY", volume = 0.01m, sl = 1.0m, tp = 1.2m });
        // The EA takes the order and never answers: after the response timeout its outcome is unknown.
        var poll = await wire.PostAsync("command", "/api/get_commands", NgTradingBot.EaSimulator.EaRequestBodies.AccountAndKey(login, eaKey));
        Assert.Contains(id, poll.Body);
        var (context, page) = await fixture.SignedInAsync();
        await using var _ = context;

        await fixture.OpenAsync(page, $"/commands/{id}");
        await Expect(page.Locator("[data-testid=resolve]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=resolve] select").SelectOptionAsync("FAILED");
        await page.FillAsync("[data-testid=resolve] input[type=text]", "not in the terminal's history");
        await page.ClickAsync("[data-testid=resolve] button:text-is('Resolve')");
        await page.ClickAsync("text=Yes, resolve");
        await Expect(page.Locator("[data-testid=command-events] tr[data-to]").Last).ToHaveAttributeAsync("data-to", "FAILED");
        await Expect(page.Locator("[data-testid=resolve]")).ToHaveCountAsync(0);

        var audit = await probe.EventuallyAsync<string>("SELECT data::text FROM audit_events WHERE action = 'command.resolved' AND subject = $1", id);
        Assert.Contains("not in the terminal's history", audit);
        Assert.Matches(new Regex("FAILED"), audit);
    }
}
