namespace NgTradingBot.Core.Access;

/// <summary>
/// Strategy keys looked up recently, by secret hash, unknown ones included (a client retrying with a wrong key
/// costs no query each time). A lookup that read the database before a revoke or rotation committed must not
/// put the old key back after the revoke forgot it: each lookup takes a <see cref="Ticket"/> before its query,
/// and <see cref="Store"/> keeps its answer only if nothing was forgotten since.
/// </summary>
public sealed class StrategyKeyCache(TimeProvider clock, TimeSpan keepFor, int capacity = 10_000)
{
    private readonly Dictionary<string, (StrategyKey? Key, DateTimeOffset Until)> _entries = [];
    private readonly Lock _lock = new();
    private long _forgets;

    /// <summary>Taken before reading the database; hand it to <see cref="Store"/> with what was read.</summary>
    public long Ticket
    {
        get
        {
            lock (_lock)
            {
                return _forgets;
            }
        }
    }

    /// <summary>True with the remembered key (null: known not to exist or revoked) while it is fresh.</summary>
    public bool TryGet(byte[] hash, out StrategyKey? key)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue(Convert.ToHexString(hash), out var entry) && entry.Until > now)
            {
                key = entry.Key;
                return true;
            }
        }
        key = null;
        return false;
    }

    /// <summary>Remembers a lookup's answer, unless a key was forgotten after the lookup took its ticket.</summary>
    public void Store(byte[] hash, StrategyKey? key, long ticket)
    {
        var until = clock.GetUtcNow() + keepFor;
        lock (_lock)
        {
            if (ticket != _forgets)
            {
                return;
            }
            // Bounded by clearing it whole when a flood of distinct wrong keys fills it.
            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }
            _entries[Convert.ToHexString(hash)] = (key, until);
        }
    }

    /// <summary>Called after a revoke or rotation committed: the key's old hash stops working on this instance at once.</summary>
    public void Forget(byte[] hash)
    {
        lock (_lock)
        {
            _forgets++;
            _entries.Remove(Convert.ToHexString(hash));
        }
    }
}
