using System.Text.Json;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// A last check on the exact bytes queued for the EA, independent of how they were written: the EA cuts
/// a command from its <c>{</c> to the next <c>}</c>, a string at the next quote, and never unescapes. A
/// command that fails this would be misread or dropped by the EA, so it is refused instead of queued.
/// </summary>
public static class EaReadableCheck
{
    public static string? FindProblem(ReadOnlySpan<byte> flatJson)
    {
        var readable = flatJson.Length >= 2
            && flatJson[0] == (byte)'{'
            && flatJson.IndexOf((byte)'}') == flatJson.Length - 1
            && flatJson.IndexOfAny("[]\\"u8) < 0
            && IsJson(flatJson);
        return readable
            ? null
            : "The command cannot be written so that the EA reads it whole; remove \" \\ { } [ ] and control characters from its text fields";
    }

    private static bool IsJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
