namespace NgTradingBot.EaSimulator;

/// <summary>The <c>close_reason</c> values the EA generates itself (contract section 8).</summary>
public static class CloseReasons
{
    public const string TrailingStop = "TRAILING_STOP";
    public const string TpHit = "TP_HIT";
    public const string SlHit = "SL_HIT";
    public const string Manual = "MANUAL";
    public const string Unknown = "UNKNOWN";
}
