using NgTradingBot.Core.Connections;

namespace NgTradingBot.Core.Commands;

/// <summary>An OUTCOME_UNKNOWN OPEN_TRADE: what it asked for and when the EA got it.</summary>
public sealed record UnknownOpen(string CommandId, string Symbol, string Side, decimal Volume, DateTimeOffset DeliveredAt);

/// <summary>A stored position no command is linked to.</summary>
/// <param name="FirstSeenAt">When Core first stored it (server clock).</param>
public sealed record UnlinkedPosition(long Ticket, string Symbol, string Side, decimal Volume, long? OpenTimeBroker, DateTimeOffset FirstSeenAt);

/// <summary>
/// Which reported position an OPEN_TRADE whose answer was lost opened. The EA reports neither the command id nor the
/// order comment back (a trade update, a sync row and a tick batch's position carry none), so the match is by what
/// the position shows: same symbol, side and volume (the EA reports 2 decimals), opened after the delivery and within
/// the bound, and linked to no command. The EA runs its commands one at a time in delivery order, so the earliest
/// delivered command takes the earliest opened position. A pure rule, tested without a database.
/// </summary>
public static class OutcomeMatch
{
    public sealed record Pair(string CommandId, long Ticket);

    /// <param name="brokerOffsetSeconds">The account's broker offset when known: then the open time is compared too.</param>
    public static IReadOnlyList<Pair> Find(IReadOnlyList<UnknownOpen> commands, IReadOnlyList<UnlinkedPosition> positions,
        TimeSpan within, TimeSpan slack, int? brokerOffsetSeconds)
    {
        var taken = new HashSet<long>();
        var pairs = new List<Pair>();
        var byOpening = positions.OrderBy(p => p.OpenTimeBroker ?? long.MaxValue).ThenBy(p => p.Ticket).ToList();
        foreach (var command in commands.OrderBy(c => c.DeliveredAt).ThenBy(c => c.CommandId, StringComparer.Ordinal))
        {
            var found = byOpening.FirstOrDefault(p => !taken.Contains(p.Ticket) && Fits(command, p, within, slack, brokerOffsetSeconds));
            if (found is not null)
            {
                taken.Add(found.Ticket);
                pairs.Add(new Pair(command.CommandId, found.Ticket));
            }
        }

        return pairs;
    }

    public static bool Fits(UnknownOpen command, UnlinkedPosition position, TimeSpan within, TimeSpan slack, int? brokerOffsetSeconds)
    {
        var earliest = command.DeliveredAt - slack;
        var latest = command.DeliveredAt + within;
        if (!string.Equals(command.Symbol, position.Symbol, StringComparison.Ordinal)
            || !string.Equals(command.Side, position.Side, StringComparison.OrdinalIgnoreCase)
            || Math.Round(command.Volume, 2) != Math.Round(position.Volume, 2)
            // Stored before the EA had the command: another position.
            || position.FirstSeenAt < earliest)
        {
            return false;
        }

        if (brokerOffsetSeconds is null || position.OpenTimeBroker is not { } openTime)
        {
            return position.FirstSeenAt <= latest;
        }

        var openedAt = new DateTimeOffset(BrokerClock.ToUtc(openTime, brokerOffsetSeconds), TimeSpan.Zero);
        return openedAt >= earliest && openedAt <= latest;
    }
}
