using NgTradingBot.EaGateway.Ea;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Routes;

/// <summary>Port 9901: tick batches with the account snapshot. The EA keeps its buffer until it gets a 200.</summary>
public static class TicksApi
{
    public static IEndpointRouteBuilder MapTicksApi(this IEndpointRouteBuilder app, int port)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(new LocalPortFilter(port, "ticks"));
        api.MapPost("/ticks", TicksAsync);
        api.MapPost("/ticks/batch", TicksAsync);
        return app;
    }

    private static Task<IResult> TicksAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.Ticks, IngestKinds.Ticks, TicksRequest.Parse,
            request => EaResponses.SuccessWith(new EaField("received", request.Ticks.Count), new EaField("rejected", request.Rejected.Count)));
}
