using System.Security.Claims;

namespace NgTradingBot.Core.Access;

/// <summary>What the authenticated caller may do, read from the claims <see cref="BearerKeyHandler"/> gave it.</summary>
public static class CallerAccess
{
    public static bool IsOperator(this ClaimsPrincipal caller) => caller.IsInRole(AccessRoles.Operator);

    public static bool HasScope(this ClaimsPrincipal caller, string scope) =>
        caller.IsInRole(AccessRoles.Operator) || (caller.IsInRole(AccessRoles.Strategy) && caller.HasClaim(AccessRoles.ScopeClaim, scope));

    /// <summary>Whether the caller may act on this account at all (its scopes are checked by the route's policy).</summary>
    public static bool MayAccess(this ClaimsPrincipal caller, long login) =>
        caller.HasClaim(AccessRoles.AccountClaim, AccessRoles.AllAccounts) || caller.HasClaim(AccessRoles.AccountClaim, login.ToString());

    /// <summary>How the audit trail names the caller: the operator, the service, or the strategy key's id.</summary>
    public static string Name(this ClaimsPrincipal caller) => caller.FindFirst(AccessRoles.KeyIdClaim)?.Value ?? "anonymous";

    public static string NotYourAccount(long login) => $"This key may not act on account {login}";
}
