using NgTradingBot.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);
Program.Compose(builder);
await using var app = builder.Build();
return await app.RunAsync();

public partial class Program
{
    /// <summary>
    /// The resource model: infrastructure, then services, then the UI. The test fixture composes the
    /// same model through <c>DistributedApplicationTestingBuilder</c>, only on free ports and a throwaway folder.
    /// </summary>
    public static void Compose(DistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres", databaseName: "ngtradingbot", port: 5433);
        var redis = builder.AddRedis("redis", port: 6380);

        var core = builder.AddProject("core", "NgTradingBot.Core")
            .WithHttpEndpoint(port: 9910)
            .WithReference(postgres).WithReference(redis)
            .WaitFor(postgres).WaitFor(redis)
            .WithHttpHealthCheck("/health");

        var gatewayHost = builder.AppHost.GatewayBindAddress;
        var gateway = builder.AddProject("gateway", "NgTradingBot.EaGateway")
            .WithHttpEndpoint("command", 9900, "EaGateway__Ports__Command", gatewayHost)
            .WithHttpEndpoint("ticks", 9901, "EaGateway__Ports__Ticks", gatewayHost)
            .WithHttpEndpoint("trades", 9902, "EaGateway__Ports__Trades", gatewayHost)
            .WithHttpEndpoint("logs", 9903, "EaGateway__Ports__Logs", gatewayHost)
            .WithEnvironment("EaGateway__BindAddress", gatewayHost)
            .WithReference(redis).WithReference(core)
            .WaitFor(redis).WaitFor(core)
            .WithHttpHealthCheck("/health");

        builder.AddProject("web", "NgTradingBot.Web")
            .WithHttpEndpoint(port: 9905)
            .WithReference(core).WithReference(gateway)
            .WaitFor(core)
            .WithHttpHealthCheck("/health");

        if (builder.AppHost.SimulateEas > 0)
        {
            // The deployed EA hard-codes its tick, trade and log URLs; the simulator is told ours.
            builder.AddProject("ea-simulator", "ea-simulator")
                .WithArgs("--server", gateway.GetEndpoint("command").Url,
                    "--ticks-url", gateway.GetEndpoint("ticks").Url + "/api/ticks",
                    "--trades-url", gateway.GetEndpoint("trades").Url + "/api/trades/update",
                    "--logs-url", gateway.GetEndpoint("logs").Url + "/api/log",
                    "--count", builder.AppHost.SimulateEas.ToString(), "--login-base", "50000000")
                .WaitFor(gateway);
        }
    }
}
