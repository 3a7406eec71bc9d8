namespace NgTradingBot.Core.Connections;

/// <summary>The values of <see cref="AccountConnection.State"/>, as the schema's check constraint allows them.</summary>
public static class ConnectionStates
{
    public const string Connected = "connected";
    public const string Stale = "stale";
    public const string Disconnected = "disconnected";
}
