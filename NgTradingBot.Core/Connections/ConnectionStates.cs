namespace NgTradingBot.Core.Connections;

/// <summary>The values of <see cref="AccountConnection.State"/>, as the schema's check constraint allows them.</summary>
public static class ConnectionStates
{
    public const string Connected = "connected";

    /// <summary>Still talking, but its health score fell below <see cref="ConnectionHealthOptions.DegradedBelowScore"/>.</summary>
    public const string Degraded = "degraded";

    /// <summary>Said goodbye (disconnect, "EA disconnecting"), blocked, or silent past <see cref="ConnectionHealthOptions.DisconnectedAfterSilence"/>.</summary>
    public const string Disconnected = "disconnected";

    /// <summary>Its requests keep being refused (a wrong key, rejected bodies): it will not recover by itself.</summary>
    public const string Failed = "failed";

    public static readonly string[] All = [Connected, Degraded, Disconnected, Failed];
}
