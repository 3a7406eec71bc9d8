namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// A rejected request: the HTTP status and the message for the <c>{"message":"...","status":"error"}</c>
/// body. The shared instances carry the legacy server's exact messages so status codes and texts stay
/// what the EA's logs have always shown.
/// </summary>
public sealed record EaError(int StatusCode, string Message)
{
    /// <summary>Body missing, empty or not JSON (legacy 400).</summary>
    public static EaError NoDataProvided { get; } = new(400, "No data provided");

    /// <summary>No account or no key in body or X-API-Key header (legacy 401).</summary>
    public static EaError MissingCredentials { get; } = new(401, "Missing account or api_key");

    /// <summary>No account with that login and key (legacy 403); for the gateway's lookup.</summary>
    public static EaError InvalidCredentials { get; } = new(403, "Invalid credentials");

    public static EaError BadRequest(string message) => new(400, message);
}
