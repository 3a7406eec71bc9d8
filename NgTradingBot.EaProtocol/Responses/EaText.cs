using System.Buffers;

namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// What a string value may contain so the EA's substring parser reads it whole. The EA takes a string
/// up to the next <c>"</c> and never unescapes, takes an array up to the first <c>]</c> and a command up to
/// the next <c>}</c>, so a value must hold none of <c>" \ { } [ ]</c> and no control characters, and the
/// writer never emits an escape sequence.
/// </summary>
/// <remarks>
/// Free text (messages, comments, close reasons) is made safe by replacement: <c>"</c> becomes <c>'</c>,
/// <c>\</c> becomes <c>/</c>, <c>{</c> and <c>[</c> become <c>(</c>, <c>}</c> and <c>]</c> become <c>)</c>,
/// and control characters become a space. Identifiers (API keys, command ids and types, symbols) are
/// never altered: changing one would break authentication or trade the wrong symbol, so they must
/// already be safe, and additionally hold no comma (the EA sizes its symbol array by counting commas).
/// Non-ASCII characters are written as raw UTF-8.
/// </remarks>
public static class EaText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        "\"\\{}[]\u007F\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>True when the text can be written unchanged as a free-text value.</summary>
    public static bool IsSafe(string text) => text.AsSpan().IndexOfAny(Unsafe) < 0;

    /// <summary>True when the text can be written as an identifier: non-empty, safe, no comma.</summary>
    public static bool IsSafeIdentifier(string text) => text.Length > 0 && IsSafe(text) && !text.Contains(',');

    /// <summary>Replaces every character the EA cannot read inside a string value (see remarks).</summary>
    public static string Sanitize(string text)
    {
        if (IsSafe(text))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '"' => '\'',
                    '\\' => '/',
                    '{' or '[' => '(',
                    '}' or ']' => ')',
                    < ' ' or '\u007F' => ' ',
                    var c => c,
                };
            }
        });
    }
}
