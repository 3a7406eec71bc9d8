using System.Text.Json;
using NgTradingBot.Client;
using NgTradingBot.EaSimulator;
using NgTradingBot.Handoff;
using NgTradingBot.IntegrationTests.Hosting;
using StackExchange.Redis;
using CommandStatus = NgTradingBot.Client.CommandStatus;

namespace NgTradingBot.IntegrationTests.Commands;

/// <summary>
/// The delivery records the dequeue script writes, as Core stores them: a second record of one delivery is only a note,
/// and a delivery Core learns of after it cancelled the command is the truth (DELIVERED, audited). The records are
/// appended to the command lane here as the script appends them, to make the two rare orders happen on demand.
/// </summary>
[Collection(CommandLifecycleCollection.Name)]
public sealed class DeliveryRecordTests(CommandLifecycleFixture fixture)
{
    private static readonly object Modify = new { ticket = 5_000_000_001L, sl = 1.07m, tp = 1.09m };

    [Fact]
    public async Task ASecondRecordOfOneDeliveryLeavesANoteAndChangesNothing()
    {
        const long login = 5_900_000_201;
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        var key = await wire.ConnectAsync(login);
        var id = await commands.CreateAsync(login, "MODIFY_TRADE", Modify);
        var poll = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));
        Assert.Equal([id], EaResponseParser.Commands(poll.Body).Select(c => c.Id));
        var delivered = await commands.WaitForStatusAsync(id, CommandStatus.Delivered);

        await AppendDeliveryAsync(login, id, "replayed");
        var noted = await WaitForStepsAsync(commands, id, 3);

        Assert.Equal(["->PENDING", "PENDING->DELIVERED", "DELIVERED->DELIVERED"], CoreCommands.Steps(noted));
        Assert.Equal("duplicate delivery", noted.GetProperty("events")[2].GetProperty("detail").GetProperty("note").GetString());
        Assert.Equal(CommandStatus.Delivered, noted.GetProperty("status").GetString());
        Assert.Equal(delivered.GetProperty("deliveredVia").GetString(), noted.GetProperty("deliveredVia").GetString());
    }

    [Fact]
    public async Task ADeliveryRecordedAfterTheCancelMakesTheCommandDeliveredAndIsAudited()
    {
        const long login = 5_900_000_202;
        using var wire = new EaWire(fixture.App);
        using var commands = new CoreCommands(fixture.App);
        await using var probe = new SystemProbe(fixture.App);
        await wire.ConnectAsync(login);
        var id = await commands.CreateAsync(login, "MODIFY_TRADE", Modify);
        using (var client = fixture.App.CreateTradingClient(fixture.App.OperatorKey()))
        {
            Assert.Equal(CommandStatus.Cancelled, (await client.CancelAsync(id)).Status);
        }

        // The gateway had popped it just before the cancel reached Redis: its record arrives after.
        await AppendDeliveryAsync(login, id, "get_commands");
        var delivered = await commands.WaitForStatusAsync(id, CommandStatus.Delivered);

        Assert.Equal(["->PENDING", "PENDING->CANCELLED", "CANCELLED->DELIVERED"], CoreCommands.Steps(delivered));
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("finishedAt").ValueKind);
        Assert.Equal("command.delivered_after_cancelled",
            await probe.EventuallyAsync<string>("SELECT action FROM audit_events WHERE subject = $1 AND action LIKE 'command.delivered_after_%'", id));
    }

    private async Task AppendDeliveryAsync(long login, string wireId, string via)
    {
        await using var probe = new SystemProbe(fixture.App);
        var accountId = await probe.ScalarAsync<long>("SELECT id FROM accounts WHERE login = $1", login);
        var envelope = new IngestEnvelope(login, accountId, DateTimeOffset.UtcNow, null, JsonSerializer.SerializeToElement(new { via }));
        using var redis = await ConnectionMultiplexer.ConnectAsync(SystemProbe.ConnectionString(fixture.App, "redis"));
        await redis.GetDatabase().StreamAddAsync(EaRedisKeys.CommandIngestStream,
            [new("k", IngestKinds.CommandDelivered), new("p", envelope.ToBytes()), new("c", wireId)]);
    }

    private static async Task<JsonElement> WaitForStepsAsync(CoreCommands commands, string id, int steps)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var command = await commands.GetAsync(id);
            if (command.GetProperty("events").GetArrayLength() >= steps)
            {
                return command;
            }
            await Task.Delay(100, timeout.Token);
        }
    }
}
