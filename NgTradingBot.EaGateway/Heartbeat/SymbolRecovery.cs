using Microsoft.Extensions.Options;
using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaGateway.CoreApi;
using NgTradingBot.EaGateway.Telemetry;

namespace NgTradingBot.EaGateway.Heartbeat;

/// <summary>
/// Sends an EA that heartbeats but holds no symbols its subscription list in a heartbeat answer (contract 4.6,
/// 10.5: an EA whose first connect or start-up /api/symbols failed streams nothing until restarted otherwise).
/// The EA replaces its list with the one it is sent, and a shorter one can unload it (5.6.1), so the list goes out
/// only when all of these hold, checked atomically in the <see cref="StreamingLedger"/>:
/// <list type="number">
/// <item>since the login's last connect (or, if no gateway saw one, its first heartbeat seen) no gateway has
/// answered it a non-empty /api/symbols list and no heartbeat has carried one: the list goes out once per session;</item>
/// <item>it has heartbeated for <see cref="HeartbeatOptions.TickSilence"/> since its first heartbeat of the session
/// and no gateway has seen a single tick batch from it in the session: an EA with symbols posts ticks from the
/// first timer call, which starts with the heartbeats when OnInit returns, so a non-empty list would have shown;</item>
/// <item>the list is not empty and not shorter than the longest list any gateway ever served this login (a
/// shorter one is withheld for the rest of the session, with a warning).</item>
/// </list>
/// Why this never shrinks a list the EA holds: the EA empties its list on every start (OnInit) and fills it only
/// from a /api/symbols answer or a heartbeat list, and a gateway notes every non-empty one of those in the ledger
/// before it answers. So whatever the EA holds is at most as long as the longest list noted, and rule 3 sends
/// nothing shorter, whatever rules 1 and 2 concluded. Rules 1 and 2 only keep an EA that streams from being
/// sent a list at all. The order is Core's stored order, the same /api/symbols returns.
/// </summary>
public sealed class SymbolRecovery(StreamingLedger ledger, SubscriptionLists lists, IOptions<HeartbeatOptions> options,
    GatewayMetrics metrics, ILogger<SymbolRecovery> logger)
{
    /// <summary>The list this heartbeat answer must carry, or null for none.</summary>
    public async Task<IReadOnlyList<string>?> TakeAsync(AuthenticatedEa ea, CoreEaClient core)
    {
        if (await ledger.HeartbeatAsync(ea.Login, listLength: null) != RecoveryCheck.Due)
        {
            return null;
        }
        if (await lists.TakeAsync(ea.Login, core) is not { Count: > 0 } symbols)
        {
            return null;
        }
        switch (await ledger.HeartbeatAsync(ea.Login, symbols.Count))
        {
            case RecoveryCheck.Due:
                metrics.SymbolListRecovered();
                logger.LogInformation("Account {Login} heartbeats but posted no ticks for {Silence}: sent its {Count} subscribed symbols in a heartbeat answer",
                    ea.Login, options.Value.TickSilence, symbols.Count);
                return symbols;
            case RecoveryCheck.WouldShrink:
                logger.LogWarning("Account {Login} streams nothing, but its {Count} subscribed symbols are fewer than it was once served: not sent, as a shorter list can unload the EA; restart the EA to reload them",
                    ea.Login, symbols.Count);
                return null;
            default:
                return null;
        }
    }
}
