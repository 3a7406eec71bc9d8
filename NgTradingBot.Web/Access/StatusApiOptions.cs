namespace NgTradingBot.Web.Access;

/// <summary><c>Web:StatusApi</c>: who may read <c>/api/system/status</c> besides the signed-in operator.</summary>
public sealed class StatusApiOptions
{
    public const string Section = "Web:StatusApi";

    /// <summary>
    /// Lets requests from this machine read the status without the operator key (the migration guide's
    /// <c>curl localhost:9905/api/system/status</c>). Off by default: on a shared host, loopback is anyone logged in.
    /// </summary>
    public bool AllowLoopback { get; set; }
}
