namespace NgTradingBot.EaProtocol.Decoding;

/// <summary>Character and token classes of the JSON grammar, as the repair parser needs them.</summary>
internal static class JsonTokens
{
    public static bool IsWhitespace(char c) => c is ' ' or '\t' or '\n' or '\r';

    /// <summary>Characters that end a bare token (number or literal).</summary>
    public static bool EndsBareToken(char c) => IsWhitespace(c) || c is ',' or ':' or '{' or '}' or '[' or ']' or '"';

    public static bool IsValueStart(char c) => c is '"' or '{' or '[' or '-' or 't' or 'f' or 'n' or (>= '0' and <= '9');

    public static bool IsLiteral(ReadOnlySpan<char> token) => token is "true" or "false" or "null";

    /// <summary>How MQL5 and C runtimes print non-finite doubles with <c>%f</c>: nan, -nan(ind), inf, 1.#INF, ...</summary>
    public static bool IsNonFiniteSpelling(ReadOnlySpan<char> token) =>
        token.Length <= 16
        && (token.Contains("nan", StringComparison.OrdinalIgnoreCase) || token.Contains("inf", StringComparison.OrdinalIgnoreCase));

    /// <summary>The JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    public static bool IsNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i < s.Length && s[i] == '0')
        {
            i++;
        }
        else if (!SkipDigits(s, ref i))
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (!SkipDigits(s, ref i))
            {
                return false;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (!SkipDigits(s, ref i))
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static bool SkipDigits(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > start;
    }
}
