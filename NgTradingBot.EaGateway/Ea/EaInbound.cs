using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaProtocol.Decoding;

namespace NgTradingBot.EaGateway.Ea;

/// <summary>An EA request that passed reading, parsing, authentication and rate limits.</summary>
public sealed class EaInbound(EaJsonBody body, AuthenticatedEa? ea) : IDisposable
{
    public EaJsonBody Body { get; } = body;

    /// <summary>Null only on the routes that carry no account (connect, coverage).</summary>
    public AuthenticatedEa? Ea { get; } = ea;

    public AuthenticatedEa Account => Ea ?? throw new InvalidOperationException("This route is not authenticated.");

    public void Dispose() => Body.Dispose();
}
