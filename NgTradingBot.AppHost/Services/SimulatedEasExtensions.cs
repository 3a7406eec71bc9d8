namespace NgTradingBot.AppHost.Services;

public static class SimulatedEasExtensions
{
    /// <summary>
    /// <c>--simulate-eas N</c>: N simulated terminals beside the system, so a newcomer sees it work. The deployed EA
    /// hard-codes its tick, trade and log URLs; the simulator is told ours.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSimulatedEas(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ProjectResource> gateway, int count) =>
        builder.AddProject<Projects.NgTradingBot_EaSimulator_Cli>(name)
            .WithArgs(context =>
            {
                context.Args.Add("--server");
                context.Args.Add(gateway.GetEndpoint("command"));
                context.Args.Add("--ticks-url");
                context.Args.Add(ReferenceExpression.Create($"{gateway.GetEndpoint("ticks")}/api/ticks"));
                context.Args.Add("--trades-url");
                context.Args.Add(ReferenceExpression.Create($"{gateway.GetEndpoint("trades")}/api/trades/update"));
                context.Args.Add("--logs-url");
                context.Args.Add(ReferenceExpression.Create($"{gateway.GetEndpoint("logs")}/api/log"));
                context.Args.Add("--count");
                context.Args.Add(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                context.Args.Add("--login-base");
                context.Args.Add("50000000");
            })
            .WaitFor(gateway);
}
