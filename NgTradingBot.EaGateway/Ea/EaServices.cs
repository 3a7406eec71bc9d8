using System.Diagnostics;
using System.Text.Json;
using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaGateway.Commands;
using NgTradingBot.EaGateway.CoreApi;
using NgTradingBot.EaGateway.Ingest;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Ea;

/// <summary>
/// What every EA route handler needs, bundled for <c>[AsParameters]</c>. Only singletons: the bundle is built for every
/// request, so a route that calls Core takes the typed <see cref="CoreEaClient"/> itself
/// (a new HttpClient each time it is resolved) instead of every tick batch paying for one.
/// </summary>
public sealed record EaServices(
    EaPipeline Pipeline,
    EaRoutes Routes,
    IngestPublisher Ingest,
    CommandDispenser Commands,
    EaAuthenticator Authenticator,
    EaRateLimits RateLimits)
{
    /// <summary>
    /// Every EA route: read, authenticate and rate-limit (<see cref="EaPipeline"/>), validate with the
    /// route's request model, then do the route's own work. Each early exit is the EA's 4xx answer, and so
    /// is a refusal by Core: the EA's mistake, answered with Core's status and message.
    /// </summary>
    public async Task<IResult> HandleAsync<T>(HttpContext http, EaRoute route, Func<JsonElement, EaParseResult<T>> parse,
        Func<EaInbound, T, Task<IResult>> handle) where T : class
    {
        var started = Stopwatch.GetTimestamp();
        var (inbound, error) = await Pipeline.ReceiveAsync(http, route);
        if (inbound is null)
        {
            return error!;
        }
        using (inbound)
        {
            var (request, invalid) = Pipeline.Parse(route, inbound, parse);
            if (request is null)
            {
                return invalid!;
            }
            try
            {
                var result = await handle(inbound, request);
                Pipeline.Answered(route, inbound, result, Stopwatch.GetElapsedTime(started));
                return result;
            }
            catch (CoreRefusedException refused)
            {
                return Pipeline.Refused(route, inbound, refused.StatusCode, refused.Message);
            }
        }
    }

    /// <summary>The shape of most EA routes: make the validated body durable in the ingest stream, then answer 200.</summary>
    public Task<IResult> IngestAsync<T>(HttpContext http, EaRoute route, string kind,
        Func<JsonElement, EaParseResult<T>> parse, Func<T, ReadOnlyMemory<byte>> answer) where T : class =>
        HandleAsync(http, route, parse, async (inbound, request) =>
        {
            await Ingest.PublishAsync(kind, inbound.Account, http, inbound.Body.Root);
            return EaResult.Ok(answer(request));
        });
}
