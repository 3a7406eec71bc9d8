namespace NgTradingBot.EaSimulator;

/// <summary>
/// The EA's view of a server response. ServerConnector.mq5 has no JSON parser: it finds exact byte sequences
/// with <c>StringFind</c> and cuts with <c>StringSubstr</c>. Everything here reproduces that, including the
/// failure modes, so a server test can prove its output is readable by the unchanged EA:
/// <list type="bullet">
/// <item>values are never unescaped (an escaped <c>+</c> in a key is read as the six characters <c>\u002B</c>);</item>
/// <item>keys need their leading quote and no whitespace after the colon (<c>"api_key":"</c>, <c>"symbols":[</c>);</item>
/// <item>an array ends at the first <c>]</c>, even one inside a string;</item>
/// <item>a command object ends at the first <c>}</c>, so nested objects break it;</item>
/// <item>numbers are read from fixed-length windows, so quoted or exponent notation reads as 0 or truncates;</item>
/// <item>a missing key reads as "" or 0, like MQL, never as an error.</item>
/// </list>
/// Pass the response body decoded the EA's way (<see cref="EaEncoding.FromWire"/>).
/// </summary>
public static partial class EaResponseParser
{
    private const string SymbolsKey = "\"symbols\":[";

    /// <summary>The <c>api_key</c> from a connect answer; "" when missing (the EA then keeps its old key).</summary>
    public static string ApiKey(string response) => StringValue(response, "api_key");

    /// <summary>
    /// <c>ParseJSONString</c>: the raw characters after <c>"key":"</c> up to the next <c>"</c>. A numeric value
    /// (<c>"id":42</c>) does not match and gives "".
    /// </summary>
    public static string StringValue(string json, string key)
    {
        var searchKey = "\"" + key + "\":\"";
        var start = Mql.Find(json, searchKey);
        if (start < 0)
        {
            return "";
        }
        start += searchKey.Length;
        var end = Mql.Find(json, "\"", start);
        return end < 0 ? "" : Mql.Substr(json, start, end - start);
    }

    /// <summary>Whether the EA would act on a symbols list (a heartbeat replaces its subscriptions when it does).</summary>
    public static bool HasSymbols(string response) => Mql.Find(response, SymbolsKey) >= 0;

    /// <summary>Whether the EA would go on to execute commands from this response.</summary>
    public static bool HasCommands(string response) => Mql.Find(response, CommandsKey) >= 0;

    /// <summary>The raw text between <c>"symbols":[</c> and the next <c>]</c>; null when the key is absent.</summary>
    public static string? SymbolsArrayText(string response)
    {
        var pos = Mql.Find(response, SymbolsKey);
        if (pos < 0)
        {
            return null;
        }
        var start = pos + SymbolsKey.Length;
        var end = Mql.Find(response, "]", start);
        return Mql.Substr(response, start, end < 0 ? -1 : end - start);
    }

    /// <summary>Every <c>"…"</c> token of the symbols array text; null when <c>"symbols":[</c> is absent.</summary>
    public static IReadOnlyList<string>? Symbols(string response)
    {
        var text = SymbolsArrayText(response);
        return text is null ? null : QuotedTokens(text);
    }

    /// <summary>The quoted tokens of a text, in order, the way the EA walks its symbol array.</summary>
    public static IReadOnlyList<string> QuotedTokens(string text)
    {
        var tokens = new List<string>();
        var remaining = text;
        while (remaining.Length > 0)
        {
            var open = Mql.Find(remaining, "\"");
            if (open < 0)
            {
                break;
            }
            var close = Mql.Find(remaining, "\"", open + 1);
            if (close < 0)
            {
                break;
            }
            tokens.Add(Mql.Substr(remaining, open + 1, close - open - 1));
            remaining = Mql.Substr(remaining, close + 1);
        }
        return tokens;
    }

    /// <summary>
    /// <c>CheckOHLCCoverage</c>: the number after <c>"coverage_percent":</c> up to the next <c>,</c> (when it
    /// comes before the next <c>}</c>) or <c>}</c>, then whether the text after <c>"needs_update":</c> starts
    /// with <c>true</c>. Whitespace after that colon therefore reads as "no update needed".
    /// </summary>
    public static CoverageReading Coverage(string response)
    {
        const string percentKey = "\"coverage_percent\":";
        const string needsKey = "\"needs_update\":";
        var pos = Mql.Find(response, percentKey);
        if (pos < 0)
        {
            return CoverageReading.NotParsed;
        }
        var value = Mql.Substr(response, pos + percentKey.Length);
        var comma = Mql.Find(value, ",");
        var brace = Mql.Find(value, "}");
        var end = comma > 0 && comma < brace ? comma : brace;
        if (end <= 0)
        {
            return CoverageReading.NotParsed;
        }
        var percent = MqlNumbers.StringToDouble(Mql.Substr(value, 0, end).Trim());
        var needsPos = Mql.Find(response, needsKey);
        if (needsPos < 0)
        {
            return new CoverageReading(false, percent, false);
        }
        var needs = Mql.Substr(response, needsPos + needsKey.Length).StartsWith("true", StringComparison.Ordinal);
        return new CoverageReading(true, percent, needs);
    }
}
