namespace NgTradingBot.Core.Commands;

/// <summary>
/// The id the EA receives for each delivery attempt: the command id for the first, <c>{id}_{n}</c> for attempt n.
/// The EA has no duplicate detection and Redis refuses a known id, so each attempt is a new id; and since the EA
/// echoes the id it was given, a late answer names its own attempt and can never settle a later one.
/// </summary>
public static class CommandAttempts
{
    private const char Separator = '_';

    public static string WireId(string commandId, int attempt) => attempt <= 1 ? commandId : $"{commandId}{Separator}{attempt}";

    /// <summary>The command id and attempt an id the EA echoed stands for.</summary>
    public static (string CommandId, int Attempt) Parse(string wireId)
    {
        // Command ids are "cmd_" and letters or digits: an attempt suffix is a second separator followed by digits only.
        var at = wireId.LastIndexOf(Separator);
        if (at <= 0 || wireId.IndexOf(Separator) == at || at == wireId.Length - 1
            || !int.TryParse(wireId.AsSpan(at + 1), System.Globalization.NumberStyles.None, null, out var attempt) || attempt < 2)
        {
            return (wireId, 1);
        }

        return (wireId[..at], attempt);
    }
}
