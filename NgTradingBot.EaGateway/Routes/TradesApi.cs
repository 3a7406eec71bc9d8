using NgTradingBot.EaGateway.Ea;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Infrastructure.Handoff;

namespace NgTradingBot.EaGateway.Routes;

/// <summary>Port 9902: one position's state per update (upserted by ticket), or the full open list to reconcile to.</summary>
public static class TradesApi
{
    public static IEndpointRouteBuilder MapTradesApi(this IEndpointRouteBuilder app, int port)
    {
        var api = app.MapGroup("/api/trades").AddEndpointFilter(new LocalPortFilter(port, "trades"));
        api.MapPost("/update", UpdateAsync);
        api.MapPost("/sync", SyncAsync);
        return app;
    }

    private static Task<IResult> UpdateAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.TradeUpdate, IngestKinds.TradeUpdate, TradeUpdateRequest.Parse, _ => EaResponses.Success);

    private static Task<IResult> SyncAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.TradesSync, IngestKinds.TradesSync, TradesSyncRequest.Parse,
            request => EaResponses.SuccessWith(new EaField("received", request.Trades.Count)));
}
