namespace NgTradingBot.AppHost.Services;

/// <summary>
/// The services' endpoints. None is proxied: the EA's path must not pay for an extra hop, and an unproxied
/// endpoint's port is the one the process itself listens on, so the product's fixed ports stay true.
/// </summary>
public static class ServiceEndpointExtensions
{
    private static readonly (string Name, string PortSetting, int DefaultPort)[] EaEndpoints =
    [
        ("command", "EaGateway__Ports__Command", 9900),
        ("ticks", "EaGateway__Ports__Ticks", 9901),
        ("trades", "EaGateway__Ports__Trades", 9902),
        ("logs", "EaGateway__Ports__Logs", 9903),
    ];

    /// <summary>An HTTP endpoint on loopback only: only the EA's endpoints face other machines.</summary>
    public static IResourceBuilder<ProjectResource> WithLoopbackHttpEndpoint(this IResourceBuilder<ProjectResource> builder, AppHostSetup setup, int defaultPort)
    {
        var port = setup.Ports.For(builder.Resource.Name, "http", defaultPort);
        return builder.WithHttpEndpoint(port: port, targetPort: port, isProxied: false);
    }

    /// <summary>
    /// The four ports the deployed EA talks to (9901-9903 are hard-coded in it), on every interface by default.
    /// The gateway listens on them itself, reading each port from its own setting.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithEaEndpoints(this IResourceBuilder<ProjectResource> builder, AppHostSetup setup)
    {
        var bindAddress = setup.Options.GatewayBindAddress;
        foreach (var (name, portSetting, defaultPort) in EaEndpoints)
        {
            var port = setup.Ports.For(builder.Resource.Name, name, defaultPort);
            builder.WithHttpEndpoint(port: port, targetPort: port, name: name, env: portSetting, isProxied: false)
                .WithEndpoint(name, endpoint => endpoint.TargetHost = bindAddress);
        }
        return builder.WithEnvironment("EaGateway__BindAddress", bindAddress).WithExternalHttpEndpoints();
    }
}
