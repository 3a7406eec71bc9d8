using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>An account's authentication state as stored, and its projection for the gateway.</summary>
public sealed record AccountCredentialRow(
    long Login,
    long Id,
    string Enrollment,
    byte[]? ApiKeyHash,
    byte[]? PreviousApiKeyHash,
    DateTime? PreviousKeyValidUntil)
{
    public const string Columns = "login, id, enrollment, api_key_hash, previous_api_key_hash, previous_key_valid_until";

    public AccountCredential ToCredential() => new(
        Login,
        Id,
        AccountEnrollment.ToCredential(Enrollment),
        ApiKeyHash,
        PreviousApiKeyHash,
        PreviousKeyValidUntil is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : DateTimeOffset.UnixEpoch);
}
