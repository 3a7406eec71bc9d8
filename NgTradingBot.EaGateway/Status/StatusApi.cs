using System.Reflection;
using Microsoft.Extensions.Options;
using NgTradingBot.EaGateway.Ea;
using StackExchange.Redis;

namespace NgTradingBot.EaGateway.Status;

public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app, int port)
    {
        app.MapGet("/api/status", GetStatusAsync).AddEndpointFilter(new LocalPortFilter(port, "command & control"));
        return app;
    }

    public sealed record GatewayStatus(string Status, string Service, string Version, GatewayPorts Ports, double RedisPingMs);

    // Section 12 of the EA contract: liveness and a short summary, no secrets.
    private static async Task<IResult> GetStatusAsync(IConnectionMultiplexer redis, IOptions<EaGatewayOptions> options)
    {
        var ping = await redis.GetDatabase().PingAsync();
        return TypedResults.Ok(new GatewayStatus("success", "gateway", ServiceVersion, options.Value.Ports, Math.Round(ping.TotalMilliseconds, 2)));
    }

    private static string ServiceVersion { get; } =
        typeof(StatusApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
