using System.Globalization;
using System.Text.RegularExpressions;

namespace NgTradingBot.EaProtocol.Tests.Responses;

/// <summary>
/// Reads responses the way ServerConnector.mq5 does: StringFind and StringSubstr, no JSON parser, no
/// unescaping, fixed windows for numbers converted by a strtod-like prefix parse. If the writer emits
/// something this reader gets wrong, the deployed EA gets it wrong too.
/// </summary>
internal static partial class EaReader
{
    public static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);

    /// <summary>The value after "api_key":" up to the next quote, or null when the key is absent.</summary>
    public static string? ApiKey(string json) => QuotedAfter(json, "\"api_key\":\"");

    /// <summary>Everything between "symbols":[ and the first ], split into its "..." tokens.</summary>
    public static List<string>? Symbols(string json)
    {
        var start = json.IndexOf("\"symbols\":[", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += "\"symbols\":[".Length;
        var content = json[start..json.IndexOf(']', start)];
        var tokens = new List<string>();
        var position = 0;
        while (true)
        {
            var open = content.IndexOf('"', position);
            if (open < 0)
            {
                return tokens;
            }

            var close = content.IndexOf('"', open + 1);
            if (close < 0)
            {
                return tokens;
            }

            tokens.Add(content[(open + 1)..close]);
            position = close + 1;
        }
    }

    /// <summary>The command objects between "commands":[ and the first ], each from a { to the next }.</summary>
    public static List<EaCommand>? Commands(string json)
    {
        var start = json.IndexOf("\"commands\":[", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += "\"commands\":[".Length;
        var content = json[start..json.IndexOf(']', start)];
        var commands = new List<EaCommand>();
        if (content.Length < 5)
        {
            return commands;
        }

        var position = 0;
        while (true)
        {
            var open = content.IndexOf('{', position);
            if (open < 0)
            {
                return commands;
            }

            var close = content.IndexOf('}', open);
            if (close < 0)
            {
                return commands;
            }

            commands.Add(ReadCommand(content[open..(close + 1)]));
            position = close + 1;
        }
    }

    public static double? CoveragePercent(string json)
    {
        var start = json.IndexOf("\"coverage_percent\":", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += "\"coverage_percent\":".Length;
        var end = json.IndexOfAny([',', '}'], start);
        return StringToDouble(json[start..end]);
    }

    public static bool? NeedsUpdate(string json)
    {
        var start = json.IndexOf("\"needs_update\":", StringComparison.Ordinal);
        return start < 0 ? null : json.AsSpan(start + "\"needs_update\":".Length).StartsWith("true");
    }

    private static EaCommand ReadCommand(string obj) => new(
        Id: QuotedAfter(obj, "\"id\":\"") ?? "",
        Type: QuotedAfter(obj, "\"type\":\"") ?? "",
        Symbol: QuotedAfter(obj, "\"symbol\":\"") ?? "",
        OrderType: QuotedAfter(obj, "\"order_type\":\"") ?? "",
        Comment: QuotedAfter(obj, "\"comment\":\"") ?? "",
        Timeframe: QuotedAfter(obj, "\"timeframe\":\"") ?? "",
        Volume: StringToDouble(Window(obj, "\"volume\":", 10)),
        Sl: StringToDouble(Window(obj, "\"sl\":", 15)),
        Tp: StringToDouble(Window(obj, "\"tp\":", 15)),
        StartDate: StringToInteger(Window(obj, "\"start_date\":", 15)),
        EndDate: StringToInteger(Window(obj, "\"end_date\":", 15)),
        Ticket: Ticket(obj),
        Reason: Reason(obj),
        TrailingStop: obj.Contains("\"trailing_stop\":true", StringComparison.Ordinal) || obj.Contains("\"trailing_stop\": true", StringComparison.Ordinal),
        Raw: obj);

    private static string? QuotedAfter(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += marker.Length;
        var end = text.IndexOf('"', start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static string Window(string obj, string marker, int length)
    {
        var start = obj.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        start += marker.Length;
        return obj.Substring(start, Math.Min(length, obj.Length - start));
    }

    /// <summary>The EA reads 30 characters after "ticket": and skips to the first digit.</summary>
    private static long Ticket(string obj)
    {
        var window = Window(obj, "\"ticket\":", 30);
        var digit = window.IndexOfAny("0123456789".ToCharArray());
        return digit < 0 ? 0 : StringToInteger(window[digit..]);
    }

    /// <summary>The first "..." token within 100 characters after "reason":.</summary>
    private static string Reason(string obj)
    {
        var window = Window(obj, "\"reason\":", 100);
        var open = window.IndexOf('"');
        var close = open < 0 ? -1 : window.IndexOf('"', open + 1);
        return close < 0 ? "" : window[(open + 1)..close];
    }

    /// <summary>Like MQL5 StringToDouble (C strtod): the longest numeric prefix, 0 when there is none.</summary>
    private static double StringToDouble(string text)
    {
        var match = NumberPrefix().Match(text);
        return match.Success ? double.Parse(match.Value, CultureInfo.InvariantCulture) : 0;
    }

    private static long StringToInteger(string text)
    {
        var match = IntegerPrefix().Match(text);
        return match.Success ? long.Parse(match.Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"^\s*[+-]?\d+")]
    private static partial Regex IntegerPrefix();
}

internal sealed record EaCommand(
    string Id,
    string Type,
    string Symbol,
    string OrderType,
    string Comment,
    string Timeframe,
    double Volume,
    double Sl,
    double Tp,
    long StartDate,
    long EndDate,
    long Ticket,
    string Reason,
    bool TrailingStop,
    string Raw);
