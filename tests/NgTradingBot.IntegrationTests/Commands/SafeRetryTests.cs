using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Commands;

/// <summary>
/// A command is sent again only when the EA's failure provably executed nothing, as a new attempt with its own id;
/// a failure after which an order may exist is final.
/// </summary>
[Collection(CommandLifecycleCollection.Name)]
public sealed class SafeRetryTests(CommandLifecycleFixture fixture)
{
    [Fact]
    public async Task AnOpenTradeThatFoundNoTickIsSentAgainAndSucceedsOnTheSecondAttempt()
    {
        const long login = 5_900_000_021;
        using var commands = new CoreCommands(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        Assert.True(await ea.InitAsync());
        Assert.True(ea.Terminal.TryGetTick("GBPUSD", out var quote));
        var executed = new List<ExecutedCommand>();
        ea.CommandExecuted += executed.Add;

        // The terminal has no GBPUSD tick for a moment, so the first attempt fails before any order is sent.
        ea.Terminal.BeginQuoteGap("GBPUSD");
        var id = await commands.CreateAsync(login, "OPEN_TRADE", new
        {
            symbol = "GBPUSD", order_type = "SELL", volume = 0.20m,
            sl = Math.Round((decimal)quote.Bid + 0.0050m, 5), tp = Math.Round((decimal)quote.Bid - 0.0050m, 5),
        });
        await RunEaUntilAsync(ea, () => executed.Count >= 1);
        ea.Terminal.EndQuoteGap("GBPUSD");
        var completed = await RunEaUntilStatusAsync(ea, commands, id, "COMPLETED");

        Assert.Equal([id, id + "_2"], executed.Select(c => c.Id));
        Assert.Equal(["failed", "completed"], executed.Select(c => c.Status));
        Assert.Contains("Failed to get tick data", executed[0].ResponseJson);
        Assert.Equal(["->PENDING", "PENDING->DELIVERED", "DELIVERED->PENDING", "PENDING->DELIVERED", "DELIVERED->COMPLETED"], CoreCommands.Steps(completed));
        var retry = completed.GetProperty("events")[2].GetProperty("detail");
        Assert.Equal("Failed to get tick data", retry.GetProperty("error").GetString());
        Assert.Equal("SymbolInfoTick failed before any order was sent", retry.GetProperty("retry").GetString());
        Assert.Equal(2, retry.GetProperty("nextAttempt").GetInt32());
        Assert.Equal(2, completed.GetProperty("events")[3].GetProperty("detail").GetProperty("attempt").GetInt32());
        Assert.Equal(2, completed.GetProperty("attempts").GetInt32());
        var position = Assert.Single(ea.Terminal.Positions);
        Assert.Equal((long)position.Ticket, completed.GetProperty("ticket").GetInt64());
        Assert.Equal(id, await probe.EventuallyAsync<string>(
            "SELECT t.command_id FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, (long)position.Ticket));
    }

    [Fact]
    public async Task AnOpenTradeWhoseFillingModesAllFailedIsNotSentAgain()
    {
        const long login = 5_900_000_022;
        using var commands = new CoreCommands(fixture.App);
        // A close-only symbol: every filling mode is refused, and the EA answers "All filling modes failed" (an order may exist).
        await using var ea = SimulatedEas.Create(fixture.App, login, options => options with
        {
            SymbolSpecs = new Dictionary<string, SymbolSpec> { ["GBPUSD"] = SymbolCatalog.DefaultFor("GBPUSD") with { TradeMode = 3 } },
        });
        Assert.True(await ea.InitAsync());
        Assert.True(ea.Terminal.TryGetTick("GBPUSD", out var quote));
        var executed = new List<ExecutedCommand>();
        ea.CommandExecuted += executed.Add;

        var id = await commands.CreateAsync(login, "OPEN_TRADE", new
        {
            symbol = "GBPUSD", order_type = "BUY", volume = 0.10m,
            sl = Math.Round((decimal)quote.Ask - 0.0050m, 5), tp = Math.Round((decimal)quote.Ask + 0.0050m, 5),
        });
        var failed = await RunEaUntilStatusAsync(ea, commands, id, "FAILED");
        // Longer than any retry would wait (0.5 to 1 s here), with the EA polling all along.
        await RunEaUntilAsync(ea, () => false, TimeSpan.FromSeconds(3));

        Assert.Equal([id], executed.Select(c => c.Id));
        Assert.Contains("All filling modes failed", executed[0].ResponseJson);
        Assert.Equal(["->PENDING", "PENDING->DELIVERED", "DELIVERED->FAILED"], CoreCommands.Steps(await commands.GetAsync(id)));
        Assert.StartsWith("not retried: ", CoreCommands.StepInto(failed, "FAILED").GetProperty("retry").GetString());
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        Assert.Empty(ea.Terminal.Positions);
    }

    /// <summary>Runs the EA's timer until the condition holds, or for <paramref name="duration"/> when given.</summary>
    private static async Task RunEaUntilAsync(SimulatedEa ea, Func<bool> done, TimeSpan? duration = null)
    {
        using var timeout = new CancellationTokenSource(duration ?? TimeSpan.FromSeconds(60));
        try
        {
            while (!done())
            {
                await ea.TimerAsync(timeout.Token);
                await Task.Delay(20, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (duration is not null)
        {
        }
    }

    private static async Task<System.Text.Json.JsonElement> RunEaUntilStatusAsync(SimulatedEa ea, CoreCommands commands, string id, string status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var command = await commands.GetAsync(id);
            if (command.GetProperty("status").GetString() == status)
            {
                return command;
            }
            await ea.TimerAsync(timeout.Token);
            await Task.Delay(50, timeout.Token);
        }
    }
}
