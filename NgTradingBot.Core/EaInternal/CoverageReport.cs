using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.Core.EaInternal;

/// <summary>How much of the requested history Core already holds. Bar times are broker seconds (bar open time).</summary>
public sealed record CoverageReport(decimal CoveragePercent, bool NeedsUpdate, int BarCount, int ExpectedBars, long? NewestBar, long? OldestBar)
{
    /// <summary>Below this the EA uploads anyway (contract section 5.4).</summary>
    public const decimal MinimumPercent = 90m;

    /// <summary>A newest bar older than this many periods means the history has a gap up to now.</summary>
    public const int StalePeriods = 2;

    /// <summary>
    /// The rule of contract section 5.4: an update is needed when there is no data, when coverage is
    /// below 90 %, or when the newest bar is older than two periods of the broker's current time.
    /// <paramref name="barCount"/> counts the newest <paramref name="requiredBars"/> bars only.
    /// </summary>
    public static CoverageReport Evaluate(int requiredBars, int barCount, long? oldestBar, long? newestBar, long brokerNow, Timeframe timeframe)
    {
        var exact = requiredBars <= 0 ? 0m : Math.Min(100m, barCount * 100m / requiredBars);
        var stale = newestBar is not { } newest || brokerNow - newest > StalePeriods * (long)timeframe.Period().TotalSeconds;
        var needsUpdate = barCount == 0 || exact < MinimumPercent || stale;
        return new CoverageReport(Math.Round(exact, 1, MidpointRounding.ToZero), needsUpdate, barCount, requiredBars, newestBar, oldestBar);
    }
}
