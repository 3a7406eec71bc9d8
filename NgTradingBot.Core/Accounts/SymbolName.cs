using System.Text.RegularExpressions;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// The symbol names Core will send to an EA (subscriptions, commands). The EA trades the symbol exactly
/// as written and cuts its symbol list at the first <c>]</c> and its strings at the next quote, so only a
/// conservative alphabet is accepted; it covers broker spellings such as <c>DE40.c</c> and <c>#AAPL</c>.
/// </summary>
public static partial class SymbolName
{
    public const string Rule = "1 to 32 characters from A-Z a-z 0-9 . _ # -";

    public static bool IsValid(string? symbol) => symbol is not null && Pattern().IsMatch(symbol);

    [GeneratedRegex(@"^[A-Za-z0-9._#-]{1,32}$")]
    private static partial Regex Pattern();
}
