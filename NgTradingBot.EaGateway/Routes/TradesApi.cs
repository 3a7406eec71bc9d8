using NgTradingBot.EaGateway.CoreApi;
using NgTradingBot.EaGateway.Ea;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;

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

    // The answer reports what changed (contract section 12), so Core reconciles before the client gets it;
    // the 200 then means the reconciliation is committed in PostgreSQL, and names every row that could not be.
    private static Task<IResult> SyncAsync(HttpContext http, [AsParameters] EaServices ea, CoreEaClient core) =>
        ea.HandleAsync(http, ea.Routes.TradesSync, TradesSyncRequest.Parse, async (inbound, request) =>
        {
            var outcome = await core.SyncTradesAsync(inbound.Account.Login, inbound.Body.Root, http.RequestAborted);
            var failed = outcome.Failed ?? [];
            return EaResult.Ok(EaResponses.SuccessWith(
                new EaField("received", request.Trades.Count),
                new EaField("inserted", outcome.Inserted.Count),
                new EaField("updated", outcome.Updated.Count),
                new EaField("closed", outcome.Closed.Count),
                new EaField("inserted_tickets", string.Join(',', outcome.Inserted)),
                new EaField("updated_tickets", string.Join(',', outcome.Updated)),
                new EaField("closed_tickets", string.Join(',', outcome.Closed)),
                new EaField("guarded", EaValue.Boolean(outcome.Guarded)),
                new EaField("failed", failed.Count),
                new EaField("failed_tickets", string.Join(',', failed.Select(f => f.Ticket))),
                new EaField("errors", string.Join("; ", failed.Select(f => $"{f.Ticket}: {f.Error}")))));
        });
}
