namespace NgTradingBot.EaSimulator;

/// <summary>
/// One WebRequest call as the EA made it and saw it.
/// </summary>
/// <param name="Route">The path, e.g. <c>/api/ticks</c>.</param>
/// <param name="RequestBody">The exact bytes sent (Windows-1252).</param>
/// <param name="ApiKeyHeader">The X-API-Key header value, null when the EA sent none.</param>
/// <param name="Status">HTTP status, or -1 for a transport error or timeout (what WebRequest returns).</param>
/// <param name="ResponseBody">The response decoded as the EA decodes it; "" when none.</param>
/// <param name="Fault">The injected fault, if any: "dropped", "disconnected" or "slow".</param>
public sealed record EaExchange(
    DateTimeOffset At,
    string Route,
    string Url,
    byte[] RequestBody,
    string? ApiKeyHeader,
    int Status,
    string ResponseBody,
    TimeSpan Duration,
    string? Fault)
{
    /// <summary>The request body decoded back to text.</summary>
    public string RequestText => EaEncoding.Ansi.GetString(RequestBody);
}
