using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NgTradingBot.Bench;

/// <summary>
/// Boots the AppHost's own model through the testing builder (Release build, free ports, throwaway folder,
/// no dashboard), then measures each fleet size of simulated EAs.
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

        var dataDirectory = Path.Combine(Path.GetTempPath(), "ngtradingbot-bench", Guid.NewGuid().ToString("N")[..12]);
        using var sink = new OtlpSink();
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.NgTradingBot_AppHost>(
            [$"--AppHost:DataDirectory={dataDirectory}", "--AppHost:DynamicPorts=true", "--AppHost:GatewayBindAddress=127.0.0.1"],
            (options, host) =>
            {
                options.DisableDashboard = true;
                // As deployed: the telemetry defaults of production, not the dashboard's one-second export.
                host.EnvironmentName = "Production";
            },
            startTimeout.Token);
        // The simulated EAs share this process: the services' console output must not take their CPU.
        // Start-up health probes fail until each service listens; the waits below report what never came up.
        builder.Services.AddLogging(logging => logging
            .AddFilter("NgTradingBot.AppHost.Resources", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("System.Net.Http.HttpClient", LogLevel.Warning));
        // Every simulated EA streams exactly the benchmark's symbols, and all of them come from 127.0.0.1
        // (in production each VPS has its own address).
        var symbols = NgTradingBot.EaSimulator.SymbolCatalog.CommonSymbols.Take(settings.Symbols).ToList();
        var core = builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "core"));
        for (var i = 0; i < symbols.Count; i++)
        {
            core.WithEnvironment($"Enrollment__DefaultSymbols__{i}", symbols[i]);
        }
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway"))
            .WithEnvironment("EaGateway__RateLimits__PerAddressPerSecond", "1000000")
            .WithEnvironment("EaGateway__RateLimits__PerAddressBurst", "2000000")
            .WithEnvironment("EaGateway__RateLimits__PerAccountPerSecond", "1000000")
            .WithEnvironment("EaGateway__RateLimits__PerAccountBurst", "2000000");
        foreach (var service in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(service).WithEnvironment(context =>
            {
                if (settings.Telemetry)
                {
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Endpoint;
                    context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                }
                else
                {
                    context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
                }
            });
        }

        await using var app = await builder.BuildAsync(startTimeout.Token);
        try
        {
            await app.StartAsync(startTimeout.Token);
            foreach (var service in new[] { "core", "gateway", "web" })
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(service, startTimeout.Token);
            }
            using var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("redis"))!);
            var results = new List<StepResult>();
            if (settings.ReconcilePositions > 0)
            {
                Console.WriteLine((await new ReconcileStep(app).RunAsync(settings.ReconcilePositions)).ToString());
            }

            if (settings.OrderAccounts > 0)
            {
                Console.WriteLine((await new OrderStep(app, settings).RunAsync()).ToString());
            }

            var loginBase = 60_000_000L;
            foreach (var eas in settings.EaCounts.Where(n => n > 0))
            {
                Console.WriteLine($"running {eas} EAs ...");
                results.Add(await new FleetStep(app, settings, redis).RunAsync(eas, loginBase));
                loginBase += eas;
            }
            if (results.Count > 0)
            {
                Report.Print(settings, results, sink.ReceivedBytes, Console.Out);
            }
            return 0;
        }
        finally
        {
            await app.StopAsync();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
