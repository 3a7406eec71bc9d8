using System.Globalization;

namespace NgTradingBot.EaSimulator;

/// <summary>
/// <c>StringToDouble</c> and <c>StringToInteger</c> as the EA relies on them: leading whitespace skipped, the
/// longest leading number taken, anything unreadable gives 0. Exponents are deliberately not read: the contract
/// requires plain decimal notation and a fixed window can cut an exponent anyway, so a server emitting
/// <c>1E-05</c> fails here rather than in production.
/// </summary>
public static class MqlNumbers
{
    public static double StringToDouble(string text)
    {
        var (start, length) = NumberPrefix(text, allowFraction: true);
        return length == 0 ? 0 : double.Parse(text.AsSpan(start, length), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    public static long StringToInteger(string text)
    {
        var (start, length) = NumberPrefix(text, allowFraction: false);
        if (length == 0)
        {
            return 0;
        }
        return long.TryParse(text.AsSpan(start, length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : text[start] == '-' ? long.MinValue : long.MaxValue;
    }

    private static (int Start, int Length) NumberPrefix(string text, bool allowFraction)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        var start = i;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            i++;
        }
        var digits = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
        {
            digits++;
        }
        if (allowFraction && i < text.Length && text[i] == '.')
        {
            i++;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
            {
                digits++;
            }
        }
        return digits == 0 ? (start, 0) : (start, i - start);
    }
}
