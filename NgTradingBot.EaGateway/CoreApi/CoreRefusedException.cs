namespace NgTradingBot.EaGateway.CoreApi;

/// <summary>
/// Core refused a request with a 4xx: the EA's own mistake (a symbol Core cannot store, say), answered to the
/// EA with the same status and Core's message. Unlike an unreachable Core, it is not a failure to retry.
/// </summary>
public sealed class CoreRefusedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
