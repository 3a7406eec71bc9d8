using System.Globalization;

namespace NgTradingBot.Web.Display;

/// <summary>How numbers read on screen: invariant digits (the columns line up under tabular figures), a dash for unknown.</summary>
public static class Figures
{
    public const string Unknown = "-";

    public static string Money(decimal? value) => value?.ToString("N2", CultureInfo.InvariantCulture) ?? Unknown;

    public static string Number(double? value, int decimals = 1) => value?.ToString("N" + decimals, CultureInfo.InvariantCulture) ?? Unknown;

    public static string Milliseconds(double? value) => value is { } ms ? ms.ToString(ms < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture) + " ms" : Unknown;

    public static string Price(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? Unknown;
}
