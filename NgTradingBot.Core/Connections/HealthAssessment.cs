using System.Globalization;

namespace NgTradingBot.Core.Connections;

/// <summary>What is known of one connection when it is assessed; times are UTC.</summary>
/// <param name="LastSeenAt">The latest message stored from it (any ingest kind).</param>
/// <param name="LastRequestAt">The latest request any gateway answered or refused, command polls included.</param>
/// <param name="RefusedSinceLastCheck">Refused requests since the previous assessment (with <paramref name="AnsweredSinceLastCheck"/>, the recent error rate).</param>
/// <param name="Quotes">The subscribed symbols, each with when its stored quote last changed (null: never).</param>
public sealed record HealthInputs(
    string State,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? DisconnectedAt,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset? LastRequestAt,
    DateTimeOffset? LastHeartbeatAt,
    DateTimeOffset? BrokerTimeMovedAt,
    long ConsecutiveRefusals,
    string? LastRefusal,
    long AnsweredSinceLastCheck,
    long RefusedSinceLastCheck,
    double? HeartbeatLatencyMs,
    IReadOnlyList<QuoteAge>? Quotes = null);

/// <summary>A subscribed symbol and when its quote last changed.</summary>
public sealed record QuoteAge(string Symbol, DateTimeOffset? ChangedAt);

/// <summary>The verdict: state, score 0-100 with its reasons, the seed's <c>is_healthy</c>, and why the state changed (if it did).</summary>
/// <param name="Silent">Silence counted against it: traffic stored since makes the verdict stale.</param>
public sealed record HealthVerdict(string State, decimal Score, IReadOnlyList<string> Reasons, bool IsHealthy, string? Cause, bool Silent = false);

/// <summary>
/// Scores a connection from everything the EA does, not only heartbeats: the deployed EA heartbeats only on chart
/// ticks, so on a closed market its heartbeats stop while its 50 ms timer traffic (ticks, command polls) goes on.
/// </summary>
public static class HealthAssessment
{
    public static HealthVerdict Assess(HealthInputs c, DateTimeOffset now, ConnectionHealthOptions options)
    {
        var lastActivity = Latest(c.LastSeenAt, c.LastRequestAt);
        // A goodbye (or a block) stands until traffic newer than it is answered; an EA that keeps knocking and is
        // refused (a blocked account, a wrong key) fails once the refusals reach the limit.
        if (c.State == ConnectionStates.Disconnected && c.ConsecutiveRefusals < options.FailedAfterRefusals
            && (lastActivity is null || c.DisconnectedAt is { } at && lastActivity <= at || c.ConsecutiveRefusals > 0))
        {
            return new HealthVerdict(ConnectionStates.Disconnected, 0, [c.DisconnectedAt is { } since ? $"disconnected since {since:u}" : "disconnected"],
                false, null);
        }

        var score = 100m;
        var reasons = new List<string>();
        var silence = lastActivity is { } seen ? now - seen : TimeSpan.MaxValue;
        if (silence >= options.DegradedAfterSilence)
        {
            score -= 50;
            reasons.Add(lastActivity is null ? "no request yet" : $"no request for {Seconds(silence)} s");
        }

        var marketOpen = c.BrokerTimeMovedAt is not { } moved || now - moved < options.MarketClosedAfter;
        var heartbeatAge = Latest(c.LastHeartbeatAt, c.ConnectedAt) is { } beat ? now - beat : TimeSpan.MaxValue;
        var heartbeatFresh = heartbeatAge < options.HeartbeatMaxAge || !marketOpen;
        if (!heartbeatFresh)
        {
            score -= 30;
            reasons.Add(c.LastHeartbeatAt is null ? "no heartbeat since it connected" : $"no heartbeat for {Seconds(heartbeatAge)} s while the market is open");
        }

        string? refusals = null;
        if (c.ConsecutiveRefusals > 0)
        {
            score -= Math.Min(60, 10 * c.ConsecutiveRefusals);
            refusals = $"{c.ConsecutiveRefusals} refused {(c.ConsecutiveRefusals == 1 ? "request" : "requests")} in a row" +
                (c.LastRefusal is { } last ? $" (last: {last})" : "");
            reasons.Add(refusals);
        }
        else if (c.RefusedSinceLastCheck > 0)
        {
            var rate = (decimal)c.RefusedSinceLastCheck / (c.RefusedSinceLastCheck + c.AnsweredSinceLastCheck);
            score -= Math.Min(30, Math.Ceiling(rate * 60));
            reasons.Add($"{Math.Round(rate * 100, 1).ToString(CultureInfo.InvariantCulture)} % of recent requests refused");
        }

        // Quotes standing still while the broker's clock moves: a feed problem, not a quiet market. So a quote's time
        // standing still is counted up to the clock's last move: the seconds before a market counts as closed, when the
        // clock has stopped but not for long enough yet, are the market closing, not a stale feed.
        if (marketOpen && silence < options.DegradedAfterSilence && c.Quotes is { Count: > 0 } quotes)
        {
            var clockMovedAt = c.BrokerTimeMovedAt is { } clockMoved && clockMoved < now ? clockMoved : now;
            var stale = 0;
            foreach (var quote in quotes)
            {
                var since = quote.ChangedAt ?? c.ConnectedAt;
                if (since is { } changed && clockMovedAt - changed >= options.StaleQuoteAfter)
                {
                    stale++;
                    reasons.Add(quote.ChangedAt is null
                        ? $"no {quote.Symbol} quote since it connected {Seconds(now - changed)} s ago"
                        : $"{quote.Symbol} quotes unchanged for {Seconds(now - changed)} s while the market is open");
                }
            }

            score -= Math.Min(20, 5 * stale);
        }

        if (c.HeartbeatLatencyMs is { } latency && latency > options.SlowHeartbeat.TotalMilliseconds)
        {
            score -= 10;
            reasons.Add($"heartbeats take {Math.Round(latency).ToString(CultureInfo.InvariantCulture)} ms to answer");
        }

        score = Math.Clamp(score, 0, 100);
        var (state, cause) = silence >= options.DisconnectedAfterSilence
            ? (ConnectionStates.Disconnected, reasons[0])
            : c.ConsecutiveRefusals >= options.FailedAfterRefusals
                ? (ConnectionStates.Failed, refusals!)
                : score < options.DegradedBelowScore
                    ? (ConnectionStates.Degraded, reasons[0])
                    : (ConnectionStates.Connected, reasons.Count == 0 ? "healthy again" : $"score {score} again");
        // Disconnected is disconnected, whatever else was still fine.
        score = state == ConnectionStates.Disconnected ? 0 : score;
        var isHealthy = state == ConnectionStates.Connected && heartbeatFresh && c.ConsecutiveRefusals < options.MaxConsecutiveFailures
            && score > options.MinHealthyScore;
        return new HealthVerdict(state, score, reasons, isHealthy, state == c.State ? null : cause, silence >= options.DegradedAfterSilence);
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
