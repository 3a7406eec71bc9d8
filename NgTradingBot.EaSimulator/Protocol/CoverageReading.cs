namespace NgTradingBot.EaSimulator;

/// <summary>What the EA makes of a <c>/api/ohlc/coverage</c> answer.</summary>
/// <param name="Parsed">Both keys were found and the percentage had an end (<c>,</c> or <c>}</c>).</param>
public sealed record CoverageReading(bool Parsed, double CoveragePercent, bool NeedsUpdate)
{
    public static CoverageReading NotParsed { get; } = new(false, 0, false);

    /// <summary>The EA skips the upload only when parsed, not needing an update and at least 90 % covered.</summary>
    public bool SkipUpload => Parsed && !NeedsUpdate && CoveragePercent >= 90.0;
}
