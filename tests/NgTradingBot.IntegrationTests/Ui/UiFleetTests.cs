using Microsoft.Playwright;
using NgTradingBot.IntegrationTests.Hosting;
using static Microsoft.Playwright.Assertions;

namespace NgTradingBot.IntegrationTests.Ui;

/// <summary>The overview with a fleet of 500 accounts: every one listed, only what is on screen rendered, still live.</summary>
[Collection(UiCollection.Name)]
public sealed class UiFleetTests(UiFixture fixture)
{
    private const int FleetSize = 500;
    private const long FirstLogin = 5_910_000_000;

    [Fact]
    public async Task FiveHundredAccountsAreListedVirtualizedAndFoundBySearch()
    {
        using var wire = new EaWire(fixture.App);
        using var connects = new SemaphoreSlim(8);
        await Task.WhenAll(Enumerable.Range(0, FleetSize).Select(async i =>
        {
            await connects.WaitAsync();
            try
            {
                await wire.ConnectAsync(FirstLogin + i);
            }
            finally
            {
                connects.Release();
            }
        }));
        var (context, page) = await fixture.SignedInAsync();
        await using var _ = context;
        var lastLogin = FirstLogin + FleetSize - 1;

        await Expect(page.Locator("[data-testid=account-count]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(5\d\d|[6-9]\d\d|\d{4,})$"));
        var listed = int.Parse((await page.Locator("[data-testid=account-count]").TextContentAsync())!);
        // The count and the rows are rendered apart; a busy machine shows one a moment before the other.
        await Expect(page.Locator("tr[data-login]").First).ToBeVisibleAsync();
        var rendered = await page.Locator("tr[data-login]").CountAsync();
        // Scrolled to the end, the list renders its last rows (a few scrolls: the list learns the rows' real height as it goes).
        var last = page.Locator($"tr[data-login='{lastLogin}']");
        for (var scroll = 0; scroll < 20 && await last.CountAsync() == 0; scroll++)
        {
            await page.Locator(".scroll").EvaluateAsync("box => box.scrollTop = box.scrollHeight");
            await page.WaitForTimeoutAsync(250);
        }
        await Expect(last).ToBeVisibleAsync();
        var renderedAtTheEnd = await page.Locator("tr[data-login]").CountAsync();
        await page.FillAsync("input[type=search]", lastLogin.ToString());
        await Expect(page.Locator("tr[data-login]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=account-count]")).ToHaveTextAsync("1");

        Assert.True(listed >= FleetSize + UiFixture.Logins.Length, $"{listed} accounts listed");
        Assert.InRange(rendered, 1, 100);
        Assert.InRange(renderedAtTheEnd, 1, 100);
    }
}
