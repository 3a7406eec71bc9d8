using Npgsql;

namespace NgTradingBot.Core.Connections;

/// <summary>The share of a window an account was in contact (connected or degraded), of the part of it Core has events for.</summary>
/// <param name="Window">5m, 1h, 1d or 1w, ending now.</param>
/// <param name="UpPercent">Null when no event says what the account was in that window (it did not exist yet).</param>
/// <param name="ObservedSeconds">How much of the window the events cover: less than the window for a newer account.</param>
public sealed record UptimeWindow(string Window, double? UpPercent, long ObservedSeconds);

/// <summary>
/// Uptime over the last 5 minutes, hour, day and week, from the stored transitions (connection_events), so every Core
/// instance answers the same and a restart loses nothing. One query for any number of accounts.
/// </summary>
public sealed class ConnectionUptime(NpgsqlDataSource dataSource, TimeProvider time)
{
    private static readonly (string Name, TimeSpan Length)[] Windows =
        [("5m", TimeSpan.FromMinutes(5)), ("1h", TimeSpan.FromHours(1)), ("1d", TimeSpan.FromDays(1)), ("1w", TimeSpan.FromDays(7))];

    /// <summary>Events after which the EA is in contact: a connect, traffic after silence, the health check's connected or degraded.</summary>
    private static readonly string[] UpEvents =
    [
        "connected", "resumed", ConnectionHealthSweep.EventPrefix + ConnectionStates.Connected,
        ConnectionHealthSweep.EventPrefix + ConnectionStates.Degraded,
    ];

    private static readonly string[] DownEvents =
    [
        "disconnected", "connect_refused", "blocked", ConnectionHealthSweep.EventPrefix + ConnectionStates.Disconnected,
        ConnectionHealthSweep.EventPrefix + ConnectionStates.Failed,
    ];

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<UptimeWindow>>> GetAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var longest = Windows[^1].Length;
        // Each account's marks: its state when the longest window began (its last event before), then every event in it;
        // each mark lasts until the next. A window's figures are the marks' overlaps with it.
        await using var command = dataSource.CreateCommand("""
            WITH marks AS (
                SELECT e.account_id, e.at, e.id, (e.event = ANY($3)) AS up
                  FROM connection_events e
                 WHERE e.account_id = ANY($1) AND e.at > $2 - $5 AND e.at <= $2 AND (e.event = ANY($3) OR e.event = ANY($4))
                UNION ALL
                SELECT a.id, $2 - $5, 0, before.up
                  FROM unnest($1::bigint[]) AS a(id)
                  CROSS JOIN LATERAL (
                      SELECT (e.event = ANY($3)) AS up FROM connection_events e
                       WHERE e.account_id = a.id AND e.at <= $2 - $5 AND (e.event = ANY($3) OR e.event = ANY($4))
                       ORDER BY e.at DESC, e.id DESC LIMIT 1) before),
            spans AS (
                SELECT account_id, up, at AS starts, lead(at, 1, $2) OVER (PARTITION BY account_id ORDER BY at, id) AS ends FROM marks)
            SELECT s.account_id, w.ordinal,
                   sum(greatest(0, extract(epoch FROM least(s.ends, $2) - greatest(s.starts, $2 - w.length))))::bigint,
                   sum(CASE WHEN s.up THEN greatest(0, extract(epoch FROM least(s.ends, $2) - greatest(s.starts, $2 - w.length))) ELSE 0 END)::float8
              FROM spans s CROSS JOIN unnest($6::interval[]) WITH ORDINALITY AS w(length, ordinal)
             GROUP BY s.account_id, w.ordinal
            """);
        command.Parameters.AddWithValue(accountIds.ToArray());
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(UpEvents);
        command.Parameters.AddWithValue(DownEvents);
        command.Parameters.AddWithValue(longest);
        command.Parameters.AddWithValue(Windows.Select(w => w.Length).ToArray());

        var figures = new Dictionary<(long Account, int Window), (long Observed, double Up)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                figures[(reader.GetInt64(0), (int)reader.GetInt64(1) - 1)] = (reader.GetInt64(2), reader.GetDouble(3));
            }
        }

        return accountIds.Distinct().ToDictionary(id => id, IReadOnlyList<UptimeWindow> (id) => [.. Windows.Select((window, index) =>
            figures.TryGetValue((id, index), out var figure) && figure.Observed > 0
                ? new UptimeWindow(window.Name, Math.Round(100 * figure.Up / figure.Observed, 2), figure.Observed)
                : new UptimeWindow(window.Name, null, 0))]);
    }
}
