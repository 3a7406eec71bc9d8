using System.Text.Json.Serialization;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// What a connect decided: <c>active</c> with the newly issued key (the EA replaces its key with it),
/// <c>pending</c> (waiting for an operator) or <c>blocked</c>. Serialized as the internal connect answer.
/// </summary>
public sealed record ConnectOutcome(
    string Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey)
{
    public static ConnectOutcome Active(string apiKey) => new(AccountEnrollment.Active, apiKey);

    public static ConnectOutcome Pending { get; } = new(AccountEnrollment.Pending, null);

    public static ConnectOutcome Blocked { get; } = new(AccountEnrollment.Blocked, null);
}
