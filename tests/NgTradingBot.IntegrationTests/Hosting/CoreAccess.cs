using Microsoft.Extensions.DependencyInjection;
using NgTradingBot.Client;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>Core's API (and Web's) as the tests call it: with the operator key the AppHost generated, or a strategy key.</summary>
public static class CoreAccess
{
    /// <summary>The operator key of this composition (the AppHost's <c>operator-key</c> parameter).</summary>
    public static string OperatorKey(this DistributedApplication app) => Parameter(app, "operator-key");

    /// <summary>The gateway's service key of this composition.</summary>
    public static string ServiceKey(this DistributedApplication app) => Parameter(app, "service-key");

    /// <summary>A plain HttpClient on Core that sends the operator key.</summary>
    public static HttpClient CreateCoreClient(this DistributedApplication app)
    {
        var client = app.CreateHttpClient("core");
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.OperatorKey());
        return client;
    }

    /// <summary>A plain HttpClient on Web that sends the operator key (its status API takes it as well as the sign-in cookie).</summary>
    public static HttpClient CreateWebClient(this DistributedApplication app)
    {
        var client = app.CreateHttpClient("web");
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.OperatorKey());
        return client;
    }

    /// <summary>The typed client, as the operator.</summary>
    public static OperatorClient CreateOperatorClient(this DistributedApplication app) => new(app.CreateHttpClient("core"), app.OperatorKey());

    /// <summary>The typed client, as a strategy holding <paramref name="key"/>.</summary>
    public static TradingBotClient CreateTradingClient(this DistributedApplication app, string key) => new(app.CreateHttpClient("core"), key);

    private static string Parameter(DistributedApplication app, string name) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Single(p => p.Name == name)
            .GetValueAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult()
        ?? throw new InvalidOperationException($"The parameter {name} has no value.");
}
