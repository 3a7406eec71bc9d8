using System.Globalization;

namespace NgTradingBot.EaSimulator;

/// <summary>MQL5 string primitives the EA is built from, reproduced with their edge cases.</summary>
internal static class Mql
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string F2(double value) => value.ToString("F2", Invariant);

    public static string F5(double value) => value.ToString("F5", Invariant);

    public static string F10(double value) => value.ToString("F10", Invariant);

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary><c>StringFind</c>: ordinal, -1 when absent or when the start is past the end.</summary>
    public static int Find(string text, string value, int start = 0) =>
        start < 0 || start > text.Length ? -1 : text.IndexOf(value, start, StringComparison.Ordinal);

    /// <summary>
    /// <c>StringSubstr</c>: a start past the end gives "", a length running past the end is cut, and a negative
    /// length means "to the end" (what the EA gets when its closing <c>]</c> search returns -1).
    /// </summary>
    public static string Substr(string text, int start, int length = -1)
    {
        if (start < 0 || start >= text.Length)
        {
            return "";
        }
        var available = text.Length - start;
        return text.Substring(start, length < 0 || length > available ? available : length);
    }
}
