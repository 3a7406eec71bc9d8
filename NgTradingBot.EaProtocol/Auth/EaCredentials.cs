namespace NgTradingBot.EaProtocol.Auth;

/// <summary>The login and API key a request presents. The key is still unchecked.</summary>
public sealed record EaCredentials(long Account, string ApiKey)
{
    // Keep the key out of logs that print the record.
    public override string ToString() => $"EaCredentials {{ Account = {Account} }}";
}
