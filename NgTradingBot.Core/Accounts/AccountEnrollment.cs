using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>The values of <c>accounts.enrollment</c> and their Redis counterpart the gateway authenticates with.</summary>
public static class AccountEnrollment
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Blocked = "blocked";

    public static Enrollment ToCredential(string enrollment) => enrollment switch
    {
        Active => Enrollment.Active,
        Blocked => Enrollment.Blocked,
        _ => Enrollment.Pending,
    };
}
