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

    private static Task<IResult> TicksAsync(HttpContext http, [AsParameters] EaServices ea, QuoteBoard quotes, TimeProvider time) =>
        ea.HandleAsync(http, ea.Routes.Ticks, TicksRequest.Parse, async (inbound, request) =>
        {
            await ea.Ingest.PublishAsync(IngestKinds.Ticks, inbound.Account, http, inbound.Body.Root);
            // After the append: a quote the guard checks orders against was also handed to Core.
            quotes.Post(inbound.Account.Login, request.Ticks, QuoteOf, time.GetUtcNow());
            return EaResult.Ok(EaResponses.SuccessWith(new EaField("received", request.Ticks.Count), new EaField("rejected", request.Rejected.Count)));
        });

    private static readonly Func<Tick, PostedQuote> QuoteOf = tick => new PostedQuote(tick.Symbol, tick.Bid, tick.Ask);
}
