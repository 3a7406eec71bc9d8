namespace NgTradingBot.EaProtocol.Decoding;

/// <summary>
/// Decides whether a <c>"</c> inside a string can be the closing quote, by looking at the structure that
/// follows it. This is a filter, not the final word: the repair parser backtracks when a plausible
/// closing quote leads to text that does not parse. Every character looked at is charged to the
/// caller's work budget, so look-ahead cannot make repair quadratic without running out of budget.
/// </summary>
internal static class ClosingQuote
{
    // EA keys are short snake_case names; the cap bounds the look-ahead on hostile input.
    private const int MaxKeyLength = 256;

    public static bool IsPlausible(string text, int position, bool isKey, Frame? top, ref long work) =>
        isKey ? IsFollowedByColon(text, position, ref work) : IsPlausibleAfterValue(text, position, top, ref work);

    private static bool IsFollowedByColon(string text, int position, ref long work)
    {
        var p = SkipWhitespace(text, position, ref work);
        return p < text.Length && text[p] == ':';
    }

    private static bool IsPlausibleAfterValue(string text, int position, Frame? top, ref long work)
    {
        var p = position;
        while (true)
        {
            p = SkipWhitespace(text, p, ref work);
            if (p == text.Length)
            {
                return top is null;
            }

            if (top is null)
            {
                return false;
            }

            var c = text[p];
            if ((c == '}' && top.IsObject) || (c == ']' && !top.IsObject))
            {
                top = top.Parent;
                p++;
                work++;
                continue;
            }

            if (c != ',')
            {
                return false;
            }

            return top.IsObject ? StartsWithKey(text, p + 1, ref work) : StartsWithValue(text, p + 1, ref work);
        }
    }

    /// <summary>Matches <c>\s*"name"\s*:</c> where the name has no quote, backslash or control character.</summary>
    private static bool StartsWithKey(string text, int position, ref long work)
    {
        var p = SkipWhitespace(text, position, ref work);
        if (p >= text.Length || text[p] != '"')
        {
            return false;
        }

        var end = Math.Min(text.Length, p + 2 + MaxKeyLength);
        for (p++; p < end; p++)
        {
            work++;
            var c = text[p];
            if (c == '"')
            {
                return IsFollowedByColon(text, p + 1, ref work);
            }

            if (c == '\\' || c < ' ')
            {
                return false;
            }
        }

        return false;
    }

    private static bool StartsWithValue(string text, int position, ref long work)
    {
        var p = SkipWhitespace(text, position, ref work);
        return p < text.Length && JsonTokens.IsValueStart(text[p]);
    }

    private static int SkipWhitespace(string text, int position, ref long work)
    {
        var start = position;
        while (position < text.Length && JsonTokens.IsWhitespace(text[position]))
        {
            position++;
        }

        work += position - start + 1;
        return position;
    }
}
