namespace NgTradingBot.Web.Access;

/// <summary>Where the sign-in page sends the operator afterwards: a path on this site only, never another host.</summary>
public static class ReturnPath
{
    public static string LocalOrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } path && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal)
            && !path.StartsWith("/\\", StringComparison.Ordinal) && !path.Any(char.IsControl)
            ? path
            : "/";
}
