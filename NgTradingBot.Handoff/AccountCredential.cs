namespace NgTradingBot.Handoff;

public enum Enrollment { Pending, Active, Blocked }

/// <summary>
/// What the gateway needs to authenticate an EA without the database. Keys are stored as hashes only.
/// The previous key stays valid for a grace period after a connect issued a new one, so a request
/// already on its way with the old key is not refused.
/// </summary>
public sealed record AccountCredential(
    long Login,
    long AccountId,
    Enrollment Enrollment,
    byte[]? KeyHash,
    byte[]? PreviousKeyHash,
    DateTimeOffset PreviousKeyValidUntil);
