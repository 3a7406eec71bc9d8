using NgTradingBot.AppHost.Hosting;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// Composes the AppHost's own resource model (<see cref="Program.Compose"/>, not a copy) on free
/// ports in a throwaway data folder, like Aspire's DistributedApplicationTestingBuilder.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static DistributedApplicationBuilder Create(IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AppHost:GatewayBindAddress"] = "127.0.0.1",
            ["AppHost:EnvironmentName"] = "Development",
            ["AppHost:StartupTimeout"] = "00:03:00",
            ["AppHost:RestartBackoffMax"] = "00:00:02",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            UseDynamicPorts = true,
            DataDirectory = Path.Combine(Path.GetTempPath(), "ngtradingbot-tests", Guid.NewGuid().ToString("N")[..12]),
            Overrides = settings,
        });
        Program.Compose(builder);
        return builder;
    }
}
