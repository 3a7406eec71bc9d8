using System.Globalization;

namespace NgTradingBot.EaProtocol.Decoding;

/// <summary>
/// Finds a <c>\u</c> escape that names half of a surrogate pair without its other half (<c>"\ud800"</c>).
/// JSON's grammar allows it, but no string can hold it: reading it fails deep inside the request model, so
/// such a body is refused as invalid JSON at the door. The deployed EA never writes <c>\u</c> escapes at all.
/// </summary>
internal static class LoneSurrogates
{
    /// <summary>Scans JSON text that already parsed, so every backslash starts an escape inside a string.</summary>
    public static bool AnyIn(ReadOnlySpan<byte> json)
    {
        Span<char> text = stackalloc char[12];
        for (var i = json.IndexOf((byte)'\\'); i >= 0 && i + 1 < json.Length; i = Next(json, i))
        {
            if (json[i + 1] != 'u')
            {
                continue;
            }
            var length = Math.Min(12, json.Length - i);
            for (var j = 0; j < length; j++)
            {
                text[j] = (char)json[i + j];
            }
            if (IsLone(text[..length], out var pair))
            {
                return true;
            }
            if (pair)
            {
                i += 6; // the low half is checked with its high half
            }
        }
        return false;
    }

    /// <inheritdoc cref="AnyIn(ReadOnlySpan{byte})"/>
    public static bool AnyIn(ReadOnlySpan<char> json)
    {
        for (var i = json.IndexOf('\\'); i >= 0 && i + 1 < json.Length; i = Next(json, i))
        {
            if (json[i + 1] != 'u')
            {
                continue;
            }
            if (IsLone(json.Slice(i, Math.Min(12, json.Length - i)), out var pair))
            {
                return true;
            }
            if (pair)
            {
                i += 6;
            }
        }
        return false;
    }

    // escape starts with "\uXXXX"; a high half must be followed right away by "\uYYYY" with a low half.
    private static bool IsLone(ReadOnlySpan<char> escape, out bool pair)
    {
        pair = false;
        var unit = Unit(escape[2..6]);
        if (char.IsLowSurrogate(unit))
        {
            return true;
        }
        if (!char.IsHighSurrogate(unit))
        {
            return false;
        }
        pair = escape.Length == 12 && escape[6] == '\\' && escape[7] == 'u' && char.IsLowSurrogate(Unit(escape[8..12]));
        return !pair;
    }

    private static char Unit(ReadOnlySpan<char> hex) => (char)ushort.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private static int Next(ReadOnlySpan<byte> json, int escape)
    {
        var after = escape + 2;
        var next = after < json.Length ? json[after..].IndexOf((byte)'\\') : -1;
        return next < 0 ? -1 : after + next;
    }

    private static int Next(ReadOnlySpan<char> json, int escape)
    {
        var after = escape + 2;
        var next = after < json.Length ? json[after..].IndexOf('\\') : -1;
        return next < 0 ? -1 : after + next;
    }
}
