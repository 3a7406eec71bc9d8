using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>
/// The real AppHost in a session of its own, stopped the ways users stop it: SIGINT to the whole process group
/// (Ctrl+C, or a CI runner ending a job without a terminal) and SIGTERM to it (a service manager). Everything
/// stops within seconds, nothing is started again on the way down, and no process is left behind.
/// </summary>
public sealed class AppHostStopTests
{
    [Theory]
    [InlineData("INT", true)]
    [InlineData("TERM", false)]
    public async Task ASignalStopsEverythingWithinSecondsAndLeavesNoProcessBehind(string signal, bool wholeGroup)
    {
        await using var apphost = AppHostProcess.Start();
        await apphost.WaitUntilHealthyAsync(TimeSpan.FromMinutes(3));
        var processes = apphost.CompositionProcesses();

        apphost.Signal(signal, wholeGroup);
        var exited = await apphost.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var stillRunning = exited ? "" : Describe(processes.Where(p => ProcessTable.IsAlive(p.Pid)));
        var survivors = await WaitUntilGoneAsync(processes, TimeSpan.FromSeconds(10));

        Assert.True(exited, $"the AppHost did not exit within 30 s; still running:\n{stillRunning}\nits output:\n{apphost.Output}");
        Assert.Contains(processes, p => p.CommandLine.Contains("postgres -D", StringComparison.Ordinal));
        Assert.Contains(processes, p => p.CommandLine.Contains("redis-server", StringComparison.Ordinal));
        Assert.Empty(survivors);
        Assert.All(apphost.Ports, port => Assert.False(AppHostProcess.IsListening(port.Value), $"{port.Key} ({port.Value}) still listens"));
        Assert.DoesNotContain("starting it again", apphost.Output);
    }

    /// <summary>Each process with its scheduler state and what it waits in, from /proc.</summary>
    private static string Describe(IEnumerable<ProcessTable.Entry> processes) => string.Join('\n', processes.Select(p =>
        $"{p.Pid} (parent {p.Parent}) {ProcessTable.StateOf(p.Pid)}: {p.CommandLine}"));

    private static async Task<List<ProcessTable.Entry>> WaitUntilGoneAsync(IReadOnlyList<ProcessTable.Entry> processes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alive = processes.Where(p => ProcessTable.IsAlive(p.Pid)).ToList();
            if (alive.Count == 0 || DateTime.UtcNow > deadline)
            {
                return alive;
            }
            await Task.Delay(200);
        }
    }
}
