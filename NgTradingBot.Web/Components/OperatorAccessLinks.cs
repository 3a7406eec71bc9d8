using NgTradingBot.Web.Access;

namespace NgTradingBot.Web.Components;

/// <summary>The access paths as the components link to them.</summary>
public static class OperatorAccessLinks
{
    public const string SignIn = OperatorAccess.SignInPath;

    public const string SignOut = OperatorAccess.SignOutPath;
}
