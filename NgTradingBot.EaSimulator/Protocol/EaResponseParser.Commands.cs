namespace NgTradingBot.EaSimulator;

public static partial class EaResponseParser
{
    private const string CommandsKey = "\"commands\":[";

    /// <summary>
    /// The command objects: the text between <c>"commands":[</c> and the first <c>]</c> (treated as empty when
    /// shorter than 5 characters), cut into pieces from each <c>{</c> to the next <c>}</c>.
    /// </summary>
    public static IReadOnlyList<string> CommandObjects(string response)
    {
        var pos = Mql.Find(response, CommandsKey);
        if (pos < 0)
        {
            return [];
        }
        var start = pos + CommandsKey.Length;
        var end = Mql.Find(response, "]", start);
        var array = Mql.Substr(response, start, end < 0 ? -1 : end - start);
        if (array.Length < 5)
        {
            return [];
        }
        var objects = new List<string>();
        var at = 0;
        while (at < array.Length)
        {
            var open = Mql.Find(array, "{", at);
            if (open < 0)
            {
                break;
            }
            var close = Mql.Find(array, "}", open);
            if (close < 0)
            {
                break;
            }
            objects.Add(Mql.Substr(array, open, close - open + 1));
            at = close + 1;
        }
        return objects;
    }

    /// <summary>The commands of a response, parsed the EA's way.</summary>
    public static IReadOnlyList<EaCommand> Commands(string response) => [.. CommandObjects(response).Select(ParseCommand)];

    /// <summary>Reads every field any command handler of the EA reads.</summary>
    public static EaCommand ParseCommand(string commandObject) => new(
        commandObject,
        StringValue(commandObject, "id"),
        StringValue(commandObject, "type"),
        StringValue(commandObject, "symbol"),
        StringValue(commandObject, "order_type"),
        StringValue(commandObject, "comment"),
        StringValue(commandObject, "timeframe"),
        Window(commandObject, "volume", 10) is { } volume ? MqlNumbers.StringToDouble(volume) : null,
        Window(commandObject, "sl", 15) is { } sl ? MqlNumbers.StringToDouble(sl) : 0,
        Window(commandObject, "tp", 15) is { } tp ? MqlNumbers.StringToDouble(tp) : 0,
        Ticket(commandObject),
        Window(commandObject, "start_date", 15) is { } from ? MqlNumbers.StringToInteger(from) : 0,
        Window(commandObject, "end_date", 15) is { } to ? MqlNumbers.StringToInteger(to) : 0,
        Reason(commandObject),
        TrailingStop(commandObject));

    /// <summary>
    /// The fixed-length text window after <c>"key":</c> the EA converts to a number (10 characters for volume,
    /// 15 for sl, tp and dates); null when the key is absent.
    /// </summary>
    public static string? Window(string json, string key, int length)
    {
        var searchKey = "\"" + key + "\":";
        var pos = Mql.Find(json, searchKey);
        return pos < 0 ? null : Mql.Substr(json, pos + searchKey.Length, length);
    }

    /// <summary>
    /// The ticket: within 30 characters after <c>"ticket":</c>, skip to the first digit and read digits as an
    /// unsigned 64-bit number. A quoted number works; <c>null</c> followed by another number picks that up.
    /// </summary>
    public static ulong Ticket(string commandObject)
    {
        var window = Window(commandObject, "ticket", 30);
        if (window is null)
        {
            return 0;
        }
        ulong ticket = 0;
        var i = 0;
        while (i < window.Length && !char.IsAsciiDigit(window[i]))
        {
            i++;
        }
        for (; i < window.Length && char.IsAsciiDigit(window[i]); i++)
        {
            ticket = unchecked(ticket * 10 + (ulong)(window[i] - '0'));
        }
        return ticket;
    }

    /// <summary>
    /// The CLOSE_TRADE reason: the first <c>"…"</c> token within 100 characters after <c>"reason":</c>. When the
    /// value is not a string this is the next key's name, as on the real EA.
    /// </summary>
    public static string Reason(string commandObject)
    {
        var window = Window(commandObject, "reason", 100);
        if (window is null)
        {
            return "";
        }
        var open = Mql.Find(window, "\"");
        var close = open < 0 ? -1 : Mql.Find(window, "\"", open + 1);
        return close < 0 ? "" : Mql.Substr(window, open + 1, close - open - 1);
    }

    /// <summary>True only for the literal <c>"trailing_stop":true</c> or <c>"trailing_stop": true</c>.</summary>
    public static bool TrailingStop(string commandObject) =>
        Mql.Find(commandObject, "\"trailing_stop\":true") >= 0 || Mql.Find(commandObject, "\"trailing_stop\": true") >= 0;
}
