namespace NgTradingBot.AppHost.Infrastructure;

/// <summary>
/// A Redis server run from this machine's <c>redis-server</c> with AOF persistence under the data folder:
/// AOF is what lets the gateway answer 200 once data is in Redis.
/// </summary>
public sealed class LocalRedisResource(string name, string command, string dataDirectory)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";

    public string DataDirectory { get; } = dataDirectory;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
