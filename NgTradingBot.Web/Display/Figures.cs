using System.Globalization;

namespace NgTradingBot.Web.Display;

/// <summary>How numbers read on screen: invariant digits (the columns line up under tabular figures), a dash for unknown.</summary>
public static class Figures
{
    public const string Unknown = "-";

    public static string Money(decimal? value) => value?.ToString("N2", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Number(double? value, int decimals = 1) => value?.ToString("N" + decimals, CultureInfo.InvariantCulture) ?? Unknown;

    public static string Milliseconds(double? value) => value is { } ms ? ms.ToString(ms < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " ms" : Unknown;

    /// <summary>A price or volume as the broker quotes it: Core stores them with 8 decimals, the trailing zeros say nothing.</summary>
    public static string Price(decimal? value) => value is { } price ? Normalized(price).ToString(CultureInfo.InvariantCulture) : Unknown;

    /// <summary>The same value without trailing zeros (1.08100000 is 1.081).</summary>
    public static decimal Normalized(decimal value) => value / 1.000000000000000000000000000000000m;
}
