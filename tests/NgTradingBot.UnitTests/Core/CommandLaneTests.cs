using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Handoff;

namespace NgTradingBot.UnitTests.Core;

public class CommandLaneTests
{
    // The signal never touches Redis outside StartAsync.
    private static CommandLaneSignal Signal() => new(null!, null!, NullLogger<CommandLaneSignal>.Instance);

    [Fact]
    public async Task AnAnnouncementWakesAWaitAtOnce()
    {
        var signal = Signal();
        var clock = Stopwatch.StartNew();
        var wait = signal.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.False(wait.IsCompleted);

        signal.Announce();
        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AnAnnouncementDuringTheReadIsNotLostButOneBeforeTheResetIs()
    {
        var signal = Signal();
        signal.Announce();
        signal.Reset();
        var clock = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150), "an announcement made before the reset must not wake the wait");

        signal.Reset();
        signal.Announce(); // made while the lane is being read: the wait after the read returns at once
        clock.Restart();
        await signal.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ManyAnnouncementsCoalesceIntoOneWakeUp()
    {
        var signal = Signal();
        for (var i = 0; i < 100; i++)
        {
            signal.Announce();
        }
        await signal.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        signal.Reset();
        var clock = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public async Task StoppingEndsTheWait()
    {
        using var stopping = new CancellationTokenSource();
        var wait = Signal().WaitAsync(TimeSpan.FromSeconds(30), stopping.Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(IngestKinds.CommandDelivered, "cmd_abc_2", "{\"via\":\"get_commands\"}", "cmd_abc")]
    [InlineData(IngestKinds.CommandDelivered, null, "{\"via\":\"get_commands\",\"command_id\":\"cmd_old\"}", "cmd_old")]
    [InlineData(IngestKinds.CommandExpired, "cmd_abc", "{\"reason\":\"late\"}", "cmd_abc")]
    [InlineData(IngestKinds.CommandResponse, null, "{\"account\":1,\"command_id\":\"cmd_xyz_3\",\"status\":\"completed\"}", "cmd_xyz")]
    [InlineData(IngestKinds.CommandResponse, null, "{\"account\":1,\"command_id\":12}", null)]
    [InlineData(IngestKinds.CommandResponse, null, "{\"account\":1}", null)]
    [InlineData(IngestKinds.Ticks, null, "{\"command_id\":\"cmd_abc\"}", null)]
    public void TheBatchLocksTheCommandEachCommandLaneMessageIsAbout(string kind, string? commandField, string body, string? expected)
    {
        var envelope = new IngestEnvelope(12345678, 7, DateTimeOffset.UnixEpoch, null, System.Text.Json.JsonDocument.Parse(body).RootElement);
        using var message = new IngestMessage(new IngestEntry("1-0", kind, envelope.ToBytes(), commandField, IngestLane.Commands));

        Assert.Equal(expected, CommandLaneIds.CommandIdOf(message));
    }

    [Fact]
    public void AnUnreadableEnvelopeNamesNoCommand()
    {
        using var message = new IngestMessage(new IngestEntry("1-0", IngestKinds.CommandResponse, Encoding.UTF8.GetBytes("not json"), null, IngestLane.Commands));

        Assert.Null(CommandLaneIds.CommandIdOf(message));
    }
}
