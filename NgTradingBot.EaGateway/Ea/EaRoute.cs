namespace NgTradingBot.EaGateway.Ea;

/// <summary>Where the EA puts its key on a route (contract section 3.4).</summary>
public enum KeySource { BodyOrHeader, None }

/// <summary>
/// How one EA route reads its request: body limit, whether unescaped strings may be repaired, and the
/// status for a wrong key (403 only on heartbeat: it is the one answer that makes the EA re-register).
/// </summary>
public sealed record EaRoute(string Name, long MaxBodyBytes, bool AllowRepair = false, KeySource Key = KeySource.BodyOrHeader, int WrongKeyStatus = 401);
