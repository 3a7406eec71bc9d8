using System.Text.Json;
using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Commands;

/// <summary>
/// No order is left unknown: an OPEN_TRADE whose answer was lost is settled from the positions the EA reports
/// (COMPLETED, linked both ways), or FAILED when no such position appears in time, or by an operator with a reason.
/// </summary>
[Collection(CommandLifecycleCollection.Name)]
public sealed class OutcomeResolutionTests(CommandLifecycleFixture fixture)
{
    [Fact]
    public async Task AnOpenTradeWhoseAnswerWasLostIsCompletedFromThePositionTheEaReports()
    {
        const long login = 5_900_000_011;
        using var commands = new CoreCommands(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        await using var ea = SimulatedEas.Create(fixture.App, login);
        ea.LosesResponseOf = _ => true;
        Assert.True(await ea.InitAsync());
        await ea.TimerAsync();
        Assert.True(ea.Terminal.TryGetTick("EURUSD", out var quote));

        // The EA opens the position and reports it, but its command_response never arrives.
        var id = await commands.CreateAsync(login, "OPEN_TRADE", new
        {
            symbol = "EURUSD", order_type = "BUY", volume = 0.10m,
            sl = Math.Round((decimal)quote.Ask - 0.0050m, 5), tp = Math.Round((decimal)quote.Ask + 0.0050m, 5),
        });
        var executed = await SimulatedEas.PollUntilExecutedAsync(ea, id);
        var ticket = JsonDocument.Parse(executed.ResponseJson).RootElement.GetProperty("ticket").GetInt64();
        Assert.Equal("open", await probe.EventuallyAsync<string>(
            "SELECT t.status FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, ticket));

        // No answer by the response timeout: unknown, then settled from the stored position.
        var completed = await commands.WaitForStatusAsync(id, "COMPLETED");

        Assert.Equal(["->PENDING", "PENDING->DELIVERED", "DELIVERED->OUTCOME_UNKNOWN", "OUTCOME_UNKNOWN->COMPLETED"], CoreCommands.Steps(completed));
        var step = CoreCommands.StepInto(completed, "COMPLETED");
        Assert.Equal("the position it opened was reported", step.GetProperty("reason").GetString());
        Assert.Equal(ticket, step.GetProperty("ticket").GetInt64());
        Assert.Equal(ticket, completed.GetProperty("ticket").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, completed.GetProperty("finishedAt").ValueKind);
        Assert.Equal(id, await probe.ScalarAsync<string>(
            "SELECT t.command_id FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, ticket));
        Assert.Single(ea.Terminal.Positions);
    }

    [Fact]
    public async Task AnOpenTradeWhosePositionNeverAppearsFailsOnceTheBoundHasPassed()
    {
        const long login = 5_900_000_012;
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        var key = await wire.ConnectAsync(login);
        var id = await commands.CreateAsync(login, "OPEN_TRADE", new { symbol = "EURUSD", order_type = "BUY", volume = 0.1m, sl = 1.0m, tp = 1.2m });
        await PollOneAsync(wire, login, key, id);
        await commands.WaitForStatusAsync(id, "OUTCOME_UNKNOWN");

        // A position of the same symbol but the other side appears meanwhile: not this command's.
        var other = new TradeUpdate(8_800_000_001, "EURUSD", "SELL", 0.10, 1.08, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 7200,
            0, 0, 1.1, 1.0, 0, 0, 0, "open", "");
        Assert.Equal(200, (await wire.PostAsync("trades", "/api/trades/update", EaRequestBodies.TradeUpdate(login, key, other))).Status);
        var failed = await commands.WaitForStatusAsync(id, "FAILED");

        Assert.Equal(["->PENDING", "PENDING->DELIVERED", "DELIVERED->OUTCOME_UNKNOWN", "OUTCOME_UNKNOWN->FAILED"], CoreCommands.Steps(failed));
        Assert.Equal($"no such position appeared within {CommandLifecycleFixture.OutcomeResolveWithin}",
            CoreCommands.StepInto(failed, "FAILED").GetProperty("reason").GetString());
        Assert.NotEqual(JsonValueKind.Null, failed.GetProperty("finishedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("ticket").ValueKind);
        var delivered = failed.GetProperty("deliveredAt").GetDateTime();
        Assert.True(failed.GetProperty("finishedAt").GetDateTime() - delivered >= CommandLifecycleFixture.OutcomeResolveWithin);
    }

    [Fact]
    public async Task AnOperatorResolvesAnUnknownOutcomeByHandWithAReasonAndItIsAudited()
    {
        const long login = 5_900_000_013;
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        var key = await wire.ConnectAsync(login);
        var id = await commands.CreateAsync(login, "OPEN_TRADE", new { symbol = "EURUSD", order_type = "BUY", volume = 0.1m, sl = 1.0m, tp = 1.2m });
        await PollOneAsync(wire, login, key, id);
        var settled = await commands.CreateAsync(login, "MODIFY_TRADE", new { ticket = 1L, sl = 1.0m, tp = 1.2m });
        await PollOneAsync(wire, login, key, settled);
        Assert.Equal(200, (await wire.PostAsync("command", "/api/command_response",
            EaRequestBodies.CommandResponse(login, key, settled, "completed", """{"ticket":1,"sl":1.00000,"tp":1.20000}"""))).Status);
        // The operator found the order in the terminal: GBPUSD, so nothing resolves it on its own.
        var position = new TradeUpdate(8_800_000_002, "GBPUSD", "BUY", 0.10, 1.27, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 7200,
            0, 0, 1.2, 1.3, 0, 0, 0, "open", "");
        Assert.Equal(200, (await wire.PostAsync("trades", "/api/trades/update", EaRequestBodies.TradeUpdate(login, key, position))).Status);
        await commands.WaitForStatusAsync(id, "OUTCOME_UNKNOWN");
        await commands.WaitForStatusAsync(settled, "COMPLETED");
        const string reason = "found in the MT5 terminal journal (ticket 8800000002)";

        var badStatus = await commands.ResolveAsync(id, new { status = "DONE", reason });
        var noReason = await commands.ResolveAsync(id, new { status = "COMPLETED" });
        var ticketOnFailure = await commands.ResolveAsync(id, new { status = "FAILED", ticket = 8_800_000_002L, reason });
        var unknown = await commands.ResolveAsync("cmd_doesnotexist", new { status = "FAILED", reason });
        var notUnknown = await commands.ResolveAsync(settled, new { status = "FAILED", reason });
        var resolved = await commands.ResolveAsync(id, new { status = "COMPLETED", ticket = 8_800_000_002L, reason });
        var again = await commands.ResolveAsync(id, new { status = "FAILED", reason });

        Assert.Equal(400, badStatus.Status);
        Assert.Equal("error", badStatus.Body.GetProperty("status").GetString());
        Assert.Equal(400, noReason.Status);
        Assert.Equal(400, ticketOnFailure.Status);
        Assert.Equal(404, unknown.Status);
        Assert.Equal(409, notUnknown.Status);
        Assert.Equal(200, resolved.Status);
        Assert.Equal(409, again.Status);
        Assert.Equal("COMPLETED", resolved.Body.GetProperty("status").GetString());
        Assert.Equal(8_800_000_002L, resolved.Body.GetProperty("ticket").GetInt64());
        var step = CoreCommands.StepInto(resolved.Body, "COMPLETED");
        Assert.Equal(reason, step.GetProperty("reason").GetString());
        Assert.Equal("operator", step.GetProperty("resolvedBy").GetString());
        Assert.Equal(id, await probe.ScalarAsync<string>(
            "SELECT t.command_id FROM trades t JOIN accounts a ON a.id = t.account_id WHERE a.login = $1 AND t.ticket = $2", login, 8_800_000_002L));
        Assert.Equal(reason, await probe.ScalarAsync<string>(
            "SELECT data->>'reason' FROM audit_events WHERE actor = 'operator' AND action = 'command.resolved' AND subject = $1", id));
        Assert.Equal(1L, await probe.ScalarAsync<long>("SELECT count(*) FROM audit_events WHERE subject = $1 AND action = 'command.resolved'", id));
    }

    /// <summary>Polls as the EA does until the command is handed over (and nothing else).</summary>
    private static async Task PollOneAsync(EaWire wire, long login, string key, string id) =>
        Assert.Equal([id], await wire.PollUntilCommandsAsync(login, key));
}
