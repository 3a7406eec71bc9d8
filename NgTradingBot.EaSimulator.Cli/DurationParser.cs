using System.Globalization;

namespace NgTradingBot.EaSimulator.Cli;

/// <summary>"500ms", "60s", "5m", "1h", or a bare number of seconds.</summary>
internal static class DurationParser
{
    public static TimeSpan Parse(string text)
    {
        var (number, unit) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            _ when text.EndsWith('s') => (text[..^1], 1.0),
            _ when text.EndsWith('m') => (text[..^1], 60.0),
            _ when text.EndsWith('h') => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw new FormatException($"'{text}' is not a duration (examples: 500ms, 60s, 5m, 1h).");
        }
        return TimeSpan.FromSeconds(value * unit);
    }
}
