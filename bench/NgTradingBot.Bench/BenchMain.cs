using NgTradingBot.AppHost.Hosting;
using NgTradingBot.AppHost.Hosting.Processes;
using StackExchange.Redis;

namespace NgTradingBot.Bench;

/// <summary>
/// Boots the AppHost's own composition (Program.Compose) in Release on free ports and a throwaway folder,
/// then measures each fleet size of simulated EAs. A named Main, because the AppHost's Program is referenced.
/// </summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        BenchSettings settings;
        try
        {
            settings = BenchSettings.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        ConsoleOutput.ForwardChildOutput = false;
        // The services inherit this environment: subscribe every simulated EA to exactly the benchmark's symbols.
        var symbols = NgTradingBot.EaSimulator.SymbolCatalog.CommonSymbols.Take(settings.Symbols).ToList();
        for (var i = 0; i < symbols.Count; i++)
        {
            Environment.SetEnvironmentVariable($"Enrollment__DefaultSymbols__{i}", symbols[i]);
        }
        // Every simulated EA comes from 127.0.0.1; in production each VPS has its own address.
        Environment.SetEnvironmentVariable("EaGateway__RateLimits__PerAddressPerSecond", "1000000");
        Environment.SetEnvironmentVariable("EaGateway__RateLimits__PerAddressBurst", "2000000");
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            UseDynamicPorts = true,
            DataDirectory = Path.Combine(Path.GetTempPath(), "ngtradingbot-bench", Guid.NewGuid().ToString("N")[..12]),
            Overrides = new Dictionary<string, string?>
            {
                ["AppHost:GatewayBindAddress"] = "127.0.0.1",
                ["AppHost:EnvironmentName"] = "Production",
            },
        });
        Program.Compose(builder);
        await using var app = builder.Build();
        try
        {
            await app.StartAsync();
            using var redis = await ConnectionMultiplexer.ConnectAsync(((NgTradingBot.AppHost.Hosting.Resources.IResourceWithConnectionString)app.GetResource("redis")).ConnectionString);
            var results = new List<StepResult>();
            var loginBase = 60_000_000L;
            foreach (var eas in settings.EaCounts)
            {
                Console.WriteLine($"running {eas} EAs ...");
                results.Add(await new FleetStep(app, settings, redis).RunAsync(eas, loginBase));
                loginBase += eas;
            }
            Report.Print(settings, results, Console.Out);
            return 0;
        }
        finally
        {
            await app.StopAsync();
            try
            {
                Directory.Delete(app.DataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
