namespace NgTradingBot.EaSimulator;

/// <summary>
/// The EA's local bookkeeping for close reasons (contract section 8). Server-stored reasons win; then the
/// tracked SL/TP decide within a 10-point tolerance; untracked positions are UNKNOWN. The tracked SL/TP are
/// refreshed only on HISTORY_ADD, never after the EA's own MODIFY_TRADE, which is why trailed stops usually
/// come out as MANUAL unless the server said <c>trailing_stop:true</c>.
/// </summary>
internal sealed class CloseReasonTracker
{
    private readonly Dictionary<ulong, Tracked> _tracked = [];
    private readonly Dictionary<ulong, string> _serverReasons = [];

    public int TrackedCount => _tracked.Count;

    public bool IsTracked(ulong ticket) => _tracked.ContainsKey(ticket);

    public void Track(Position position) =>
        _tracked[position.Ticket] = new Tracked(position.Side, position.Sl, position.Tp, position.Sl, false);

    /// <summary>UpdateTrackedPosition: notes an SL move in the profit direction, then takes the current SL/TP.</summary>
    public void Update(Position position)
    {
        if (!_tracked.TryGetValue(position.Ticket, out var t))
        {
            return;
        }
        var moved = t.SlMoved
            || (t.Side == TradeSide.Buy && position.Sl > t.Sl)
            || (t.Side == TradeSide.Sell && position.Sl < t.Sl && position.Sl > 0);
        _tracked[position.Ticket] = t with { Sl = position.Sl, Tp = position.Tp, SlMoved = moved };
    }

    public void StoreServerReason(ulong ticket, string reason) => _serverReasons[ticket] = reason;

    public string? ServerReason(ulong ticket) => _serverReasons.GetValueOrDefault(ticket);

    public string Detect(ulong ticket, double closePrice, double point)
    {
        if (_serverReasons.TryGetValue(ticket, out var stored))
        {
            return stored;
        }
        if (!_tracked.TryGetValue(ticket, out var t))
        {
            return CloseReasons.Unknown;
        }
        var tolerance = 10 * point;
        if (t.Tp > 0 && Math.Abs(closePrice - t.Tp) <= tolerance)
        {
            return CloseReasons.TpHit;
        }
        if (t.Sl > 0 && Math.Abs(closePrice - t.Sl) <= tolerance)
        {
            var trailed = t.SlMoved && (t.Side == TradeSide.Buy ? t.Sl > t.InitialSl : t.Sl < t.InitialSl);
            return trailed ? CloseReasons.TrailingStop : CloseReasons.SlHit;
        }
        return CloseReasons.Manual;
    }

    /// <summary>The position closed: forget its tracking and its server reason.</summary>
    public void Untrack(ulong ticket)
    {
        _tracked.Remove(ticket);
        _serverReasons.Remove(ticket);
    }

    public void Clear()
    {
        _tracked.Clear();
        _serverReasons.Clear();
    }

    private sealed record Tracked(TradeSide Side, double Sl, double Tp, double InitialSl, bool SlMoved);
}
