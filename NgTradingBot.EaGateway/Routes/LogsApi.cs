using NgTradingBot.EaGateway.Ea;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Routes;

/// <summary>Port 9903: the EA's log lines (unescaped text, repaired when needed). "EA disconnecting" is its shutdown signal.</summary>
public static class LogsApi
{
    public static IEndpointRouteBuilder MapLogsApi(this IEndpointRouteBuilder app, int port)
    {
        app.MapGroup("/api").AddEndpointFilter(new LocalPortFilter(port, "logs")).MapPost("/log", LogAsync);
        return app;
    }

    private static Task<IResult> LogAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.Log, IngestKinds.Log, LogRequest.Parse, _ => EaResponses.Success);
}
