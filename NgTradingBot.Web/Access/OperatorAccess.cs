namespace NgTradingBot.Web.Access;

/// <summary>The names the UI's access rules use.</summary>
public static class OperatorAccess
{
    /// <summary>Picks the bearer scheme when the request carries an Authorization header, the cookie otherwise.</summary>
    public const string Scheme = "operator";

    public const string BearerScheme = "operator-key";

    /// <summary>The status API's policy: the operator, or loopback when <see cref="StatusApiOptions.AllowLoopback"/> is on.</summary>
    public const string StatusReader = "status-reader";

    public const string SignInPath = "/signin";

    public const string SignOutPath = "/signout";

    /// <summary>The name on the signed-in principal (Core's audit names its own caller: the operator key).</summary>
    public const string OperatorName = "operator";

    /// <summary>Requests under this path are API calls: refused with a 401 JSON body instead of a redirect to the sign-in page.</summary>
    public static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
