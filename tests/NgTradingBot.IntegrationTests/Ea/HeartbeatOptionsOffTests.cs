using NgTradingBot.EaSimulator;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Ea;

/// <summary>The composition with both heartbeat options off, and the silence that would otherwise recover symbols short.</summary>
public sealed class HeartbeatOptionsOffFixture : AppFixture
{
    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway"))
            .WithEnvironment("EaGateway__Heartbeat__DeliverCommands", "false")
            .WithEnvironment("EaGateway__Heartbeat__RecoverSymbols", "false")
            .WithEnvironment("EaGateway__Heartbeat__TickSilence", HeartbeatFixture.TickSilence.ToString())
            .WithEnvironment("EaGateway__Heartbeat__TickNoteInterval", "00:00:00.500");
}

[CollectionDefinition(Name)]
public sealed class HeartbeatOptionsOffCollection : ICollectionFixture<HeartbeatOptionsOffFixture>
{
    public const string Name = "heartbeat options off";
}

[Collection(HeartbeatOptionsOffCollection.Name)]
public sealed class HeartbeatOptionsOffTests(HeartbeatOptionsOffFixture fixture)
{
    private static readonly byte[] LegacyAnswer = """{"status":"success"}"""u8.ToArray();

    [Fact]
    public async Task HeartbeatAnswersStayTheLegacyBytesWithACommandWaitingAndNoTicksForLong()
    {
        const long login = 5_910_000_001;
        using var wire = new EaWire(fixture.App);
        var key = await wire.ConnectAsync(login);
        var commandId = await SimulatedEas.CreateCommandAsync(fixture.App, login, "CLOSE_TRADE", new { ticket = 4242, reason = "TIME_EXIT" });
        var heartbeat = EaWire.Encode(EaRequestBodies.Heartbeat(login, key, 1730709002, new AccountSnapshot(10000, 10000, 0, 10000), ProfitWindows.Zero));
        using var gateway = fixture.App.CreateHttpClient("gateway", "command");

        // Heartbeats past the tick silence, with a command waiting all along: the answer never changes.
        var until = DateTimeOffset.UtcNow + 2 * HeartbeatFixture.TickSilence;
        var beats = 0;
        while (DateTimeOffset.UtcNow < until || beats < 5)
        {
            using var response = await gateway.PostAsync("/api/heartbeat", new ByteArrayContent(heartbeat));
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(LegacyAnswer, await response.Content.ReadAsByteArrayAsync());
            beats++;
            await Task.Delay(500);
        }

        // The command was left for the poll path.
        var poll = await wire.PostAsync("command", "/api/get_commands", EaRequestBodies.AccountAndKey(login, key));
        Assert.Equal(commandId, Assert.Single(EaResponseParser.Commands(poll.Body)).Id);
    }
}
