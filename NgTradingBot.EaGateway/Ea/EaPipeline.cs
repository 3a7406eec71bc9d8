using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaGateway.Heartbeat;
using NgTradingBot.EaGateway.Telemetry;
using NgTradingBot.EaGateway.Traffic;
using NgTradingBot.EaProtocol.Auth;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaGateway.Ea;

/// <summary>
/// The steps every EA request takes before its route's own work: address rate limit, body, credentials
/// (body <c>account</c> + <c>api_key</c>, else the <c>X-API-Key</c> header), account rate limit.
/// </summary>
public sealed class EaPipeline(EaAuthenticator authenticator, EaRateLimits rateLimits, GatewayMetrics metrics, TrafficRecorder traffic, EaRoutes routes,
    TickNotes tickNotes)
{
    public const string ApiKeyHeader = "X-API-Key";

    public async Task<(EaInbound? Inbound, EaResult? Error)> ReceiveAsync(HttpContext context, EaRoute route)
    {
        if (!rateLimits.AllowAddress(context.Connection.RemoteIpAddress))
        {
            return Reject(route, TooManyRequests);
        }
        var (body, readError) = await EaBodyReader.ReadAsync(context, route);
        if (body is null)
        {
            return Reject(route, readError!);
        }
        if (route.Key == KeySource.None)
        {
            return (new EaInbound(body, null), null);
        }

        var presented = EaCredentialReader.Read(body.Root, context.Request.Headers[ApiKeyHeader].FirstOrDefault());
        if (!presented.IsSuccess)
        {
            body.Dispose();
            return Reject(route, EaResult.Error(presented.Error));
        }
        var (ea, authError) = await authenticator.AuthenticateAsync(presented.Value, route.WrongKeyStatus);
        if (ea is null)
        {
            body.Dispose();
            traffic.Refused(presented.Value.Account, route.Name, authError!.StatusCode, authError.Message);
            return Reject(route, EaResult.Error(authError));
        }
        // Before the account limit: a batch refused with 429 still proves the EA holds symbols.
        if (ReferenceEquals(route, routes.Ticks))
        {
            tickNotes.Posted(ea.Login);
        }
        if (!rateLimits.AllowAccount(ea.Login))
        {
            body.Dispose();
            traffic.Refused(ea.Login, route.Name, StatusCodes.Status429TooManyRequests, "rate limited");
            return Reject(route, TooManyRequests);
        }
        return (new EaInbound(body, ea), null);
    }

    /// <summary>Parses the body with the route's request model; a client mistake becomes its 4xx answer.</summary>
    public (T? Request, EaResult? Error) Parse<T>(EaRoute route, EaInbound inbound, Func<System.Text.Json.JsonElement, EaParseResult<T>> parse)
        where T : class
    {
        var result = parse(inbound.Body.Root);
        return result.IsSuccess ? (result.Value, null) : (null, Refused(route, inbound, result.Error.StatusCode, result.Error.Message));
    }

    /// <summary>A refusal after the request was read (by Core, say), counted like the pipeline's own.</summary>
    public EaResult Refused(EaRoute route, EaInbound inbound, int statusCode, string message)
    {
        metrics.Rejected(route.Name, statusCode);
        if (inbound.AuthenticatedOrNull is { } ea)
        {
            traffic.Refused(ea.Login, route.Name, statusCode, message);
        }
        return EaResult.Error(statusCode, message);
    }

    /// <summary>The answer a route's own work gave an authenticated account, for its connection health.</summary>
    public void Answered(EaRoute route, EaInbound inbound, IResult result, TimeSpan took)
    {
        if (inbound.AuthenticatedOrNull is not { } ea)
        {
            return;
        }
        if (result is EaResult { StatusCode: >= 400 } refusal)
        {
            traffic.Refused(ea.Login, route.Name, refusal.StatusCode, "refused by the route");
            return;
        }
        traffic.Answered(ea.Login, ReferenceEquals(route, routes.Heartbeat), took);
    }

    private (EaInbound?, EaResult?) Reject(EaRoute route, EaResult error)
    {
        metrics.Rejected(route.Name, error.StatusCode);
        return (null, error);
    }

    private static EaResult TooManyRequests => EaResult.Error(StatusCodes.Status429TooManyRequests, "Too many requests; slow down");
}
