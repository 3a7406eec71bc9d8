using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Accounts;

public enum EnrollmentPolicy
{
    /// <summary>Any login that connects becomes active at once (the legacy server's behaviour).</summary>
    Open,

    /// <summary>A new login waits as 'pending' until an operator approves it.</summary>
    ApprovalRequired,
}

/// <summary>Bound from <c>Enrollment</c>: how new logins are admitted and how keys rotate.</summary>
public sealed class EnrollmentOptions : IValidatableObject
{
    public const string SectionName = "Enrollment";

    public static readonly IReadOnlyList<string> BuiltInDefaultSymbols = ["EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "BTCUSD"];

    public EnrollmentPolicy Policy { get; set; } = EnrollmentPolicy.Open;

    /// <summary>How long the key replaced by a connect stays valid for requests already on their way.</summary>
    public TimeSpan KeyGracePeriod { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The subscriptions a new account starts with, filtered to what its broker reports. Null means the
    /// built-in list: the configuration binder appends to a pre-filled list instead of replacing it.
    /// </summary>
    public string[]? DefaultSymbols { get; set; }

    public IReadOnlyList<string> EffectiveDefaultSymbols => DefaultSymbols ?? BuiltInDefaultSymbols;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyGracePeriod < TimeSpan.Zero || KeyGracePeriod > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Enrollment:KeyGracePeriod must be between 00:00:00 and 1.00:00:00.", [nameof(KeyGracePeriod)]);
        }

        foreach (var symbol in EffectiveDefaultSymbols.Where(s => !SymbolName.IsValid(s)))
        {
            yield return new ValidationResult($"Enrollment:DefaultSymbols '{symbol}' is not a valid symbol ({SymbolName.Rule}).", [nameof(DefaultSymbols)]);
        }

        if (EffectiveDefaultSymbols.Distinct(StringComparer.Ordinal).Count() != EffectiveDefaultSymbols.Count)
        {
            yield return new ValidationResult("Enrollment:DefaultSymbols must not repeat a symbol.", [nameof(DefaultSymbols)]);
        }
    }
}
