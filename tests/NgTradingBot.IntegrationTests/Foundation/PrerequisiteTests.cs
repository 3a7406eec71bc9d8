using System.Diagnostics;
using NgTradingBot.AppHost.Hosting.Processes;

namespace NgTradingBot.IntegrationTests.Foundation;

/// <summary>Runs the real AppHost executable with a prerequisite missing: one clear line, exit code 2, nothing left running.</summary>
public sealed class PrerequisiteTests
{
    [Theory]
    [InlineData("AppHost__RedisServerPath", "/nonexistent/redis-server", "sudo apt-get install -y redis-server")]
    [InlineData("AppHost__PostgresBinDirectory", "/nonexistent/postgresql/bin", "sudo apt-get install -y postgresql")]
    public async Task MissingServerBinariesGiveOneClearMessage(string setting, string value, string installCommand)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ngtradingbot-tests", Guid.NewGuid().ToString("N")[..12]);
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "NgTradingBot.AppHost"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment[setting] = value;
        info.Environment["AppHost__DataDirectory"] = dataDirectory;
        foreach (var (resource, endpoint) in new[] { ("postgres", "tcp"), ("redis", "tcp"), ("core", "http"), ("web", "http"),
                     ("gateway", "command"), ("gateway", "ticks"), ("gateway", "trades"), ("gateway", "logs") })
        {
            info.Environment[$"AppHost__Ports__{resource}__{endpoint}"] = PortAllocator.GetFreePort().ToString();
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        var text = await output + await errors;
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(installCommand, text);
        Assert.DoesNotContain("   at ", text);
        Assert.Single(text.Split('\n'), line => line.Contains(installCommand));
    }
}
