namespace NgTradingBot.Core.Access;

/// <summary>The three kinds of caller and what a strategy key may be allowed to do.</summary>
public static class AccessRoles
{
    public const string Operator = "operator";
    public const string Service = "service";
    public const string Strategy = "strategy";

    /// <summary>Create, cancel and follow commands for the key's accounts.</summary>
    public const string Trade = "trade";

    /// <summary>Read the key's accounts: details, history and commands.</summary>
    public const string Read = "read";

    public static IReadOnlyList<string> Scopes { get; } = [Trade, Read];

    public const string ScopeClaim = "scope";
    public const string AccountClaim = "account";
    public const string KeyIdClaim = "key_id";

    /// <summary>The account claim of a key that may act on every account.</summary>
    public const string AllAccounts = "*";
}

/// <summary>The authorization policies Core's endpoints name.</summary>
public static class AccessPolicies
{
    public const string Operator = "operator";
    public const string Service = "service";
    public const string Trade = "trade";
    public const string ReadCommands = "read-commands";
    public const string ReadAccounts = "read-accounts";
}
