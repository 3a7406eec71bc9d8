using System.Diagnostics.CodeAnalysis;

namespace NgTradingBot.EaProtocol.Decoding;

/// <summary>
/// Repairs JSON text that the EA built with <c>StringFormat</c> and no escaping (broker names, deal
/// comments and log texts with raw <c>"</c>, <c>\</c> or control characters). Call it only after a
/// strict parse failed: valid JSON never needs it, and the rules below assume an unescaping sender.
/// </summary>
/// <remarks>
/// <para>Inside a string, a <c>"</c> closes the string only when what follows is structure that is valid
/// at that point: <c>:</c> after a key; after a value a run of matching <c>}</c>/<c>]</c> ending at the end
/// of the text, or a <c>,</c> followed by a <c>"key":</c> (in an object) or a value start (in an array).
/// Any other <c>"</c> is kept as a literal quote. If the rest of the text then fails to parse, the parser
/// backtracks and keeps the most recent closing quote as a literal instead, so a string may contain text
/// such as <c>a", "b":1</c> and still be read whole when only the longer reading is valid.</para>
/// <para>Every backslash is taken literally (escaped as <c>\\</c>), including <c>\t</c>, <c>\n</c> and
/// <c>\"</c>: the EA never escapes, so <c>C:\temp</c> is a path, not a tab. Raw control characters are
/// escaped. Outside strings, a MQL5 spelling of NaN or infinity (<c>nan</c>, <c>-nan(ind)</c>,
/// <c>inf</c>, <c>1.#INF</c>) becomes <c>null</c>, so validation can reject that one field instead of
/// the whole body being unreadable.</para>
/// <para>The work is bounded (a budget proportional to the text length); text that needs more, or that
/// has defects other than the ones above, is reported as not repairable.</para>
/// </remarks>
public static class EaJsonRepair
{
    /// <summary>The nesting limit, equal to <see cref="System.Text.Json.JsonDocument"/>'s default.</summary>
    public const int MaxDepth = 64;

    /// <summary>Returns repaired JSON text, or false when the text cannot be repaired.</summary>
    public static bool TryRepair(string text, [NotNullWhen(true)] out string? repaired)
    {
        repaired = new RepairParser(text).Run();
        return repaired is not null;
    }
}
