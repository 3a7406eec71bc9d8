using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NgTradingBot.EaGateway.Heartbeat;

/// <summary>
/// Notes in the <see cref="StreamingLedger"/> that a login posts ticks, at most once per
/// <see cref="HeartbeatOptions.TickNoteInterval"/>: an EA posts up to 20 batches a second, the ledger needs one.
/// Noted whatever the options say, so a gateway with symbol recovery on never misses what another one saw.
/// One entry per authenticated login, so the memory is bounded by the accounts.
/// </summary>
public sealed class TickNotes(StreamingLedger ledger, IOptions<HeartbeatOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, long> _notedAt = new();

    public void Posted(long login)
    {
        var now = time.GetTimestamp();
        if (_notedAt.TryGetValue(login, out var notedAt) && time.GetElapsedTime(notedAt, now) < options.Value.TickNoteInterval)
        {
            return;
        }
        _notedAt[login] = now;
        ledger.TicksPosted(login);
    }
}
