using System.Globalization;

namespace NgTradingBot.Web.Access;

/// <summary>The accounts field of the new-key form: logins separated by commas or spaces; empty means every account.</summary>
public static class KeyAccounts
{
    /// <summary>The logins, or null when something in the text is not a login.</summary>
    public static IReadOnlyList<long>? Parse(string text)
    {
        var logins = new List<long>();
        foreach (var part in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var login) || login <= 0)
            {
                return null;
            }
            logins.Add(login);
        }
        return logins.Distinct().ToList();
    }
}
