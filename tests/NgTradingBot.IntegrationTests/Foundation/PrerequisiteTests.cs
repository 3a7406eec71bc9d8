using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>Runs the real AppHost with a prerequisite missing: one clear line, exit code 2, nothing left running.</summary>
public sealed class PrerequisiteTests
{
    [Theory]
    [InlineData("--AppHost:RedisServerPath=/nonexistent/redis-server", "sudo apt-get install -y redis-server")]
    [InlineData("--AppHost:PostgresBinDirectory=/nonexistent/postgresql/bin", "sudo apt-get install -y postgresql")]
    public async Task MissingServerBinariesGiveOneClearMessage(string setting, string installCommand)
    {
        await using var apphost = AppHostProcess.Start(setting);

        var exited = await apphost.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exited, apphost.Output);
        Assert.Equal(2, apphost.ExitCode);
        Assert.DoesNotContain("   at ", apphost.Output);
        Assert.Single(apphost.Output.Split('\n'), line => line.Contains(installCommand));
        Assert.Empty(apphost.CompositionProcesses());
    }

    [Fact]
    public async Task ABusyPortGivesOneClearMessage()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Any, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        await using var apphost = AppHostProcess.Start($"--AppHost:Ports:gateway:ticks={port}");

        var exited = await apphost.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exited, apphost.Output);
        Assert.Equal(2, apphost.ExitCode);
        Assert.Single(apphost.Output.Split('\n'), line => line.Contains($"Port {port} (gateway ticks) is in use"));
    }
}
