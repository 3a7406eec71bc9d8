using Microsoft.Extensions.DependencyInjection;

namespace NgTradingBot.Bench;

/// <summary>The keys the AppHost generated for this composition: the probe calls Core as the operator, the reconcile step as the gateway.</summary>
public static class CompositionKeys
{
    public static string Operator(DistributedApplication app) => Parameter(app, "operator-key");

    public static string Service(DistributedApplication app) => Parameter(app, "service-key");

    private static string Parameter(DistributedApplication app, string name) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Single(p => p.Name == name)
            .GetValueAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult()
        ?? throw new InvalidOperationException($"The parameter {name} has no value.");
}
