using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaProtocol.Decoding;

namespace NgTradingBot.EaGateway.Ea;

/// <summary>An EA request that passed reading, parsing, authentication and rate limits.</summary>
public sealed class EaInbound(EaJsonBody body, AuthenticatedEa? ea) : IDisposable
{
    public EaJsonBody Body { get; } = body;

    /// <summary>The authenticated account; the routes that carry none (connect, coverage) must not ask.</summary>
    public AuthenticatedEa Account => ea ?? throw new InvalidOperationException("This route is not authenticated.");

    /// <summary>The authenticated account, or null on a route that carries none.</summary>
    public AuthenticatedEa? AuthenticatedOrNull => ea;

    public void Dispose() => Body.Dispose();
}
