using System.Text.Json;
using Npgsql;

namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>
/// Per-account connection changes of a batch, folded in arrival order and written in one statement:
/// last seen (never backwards), heartbeat and tick-batch counters, the broker offset and broker time, when each
/// symbol's quote last changed (for the health check's stale quotes), and whether the account ends the batch
/// disconnected. State changes also write connection_events. Traffic brings a disconnected account back;
/// degraded and failed are left to the health check, which sees the whole picture.
/// </summary>
public sealed class ConnectionActivity
{
    private readonly SortedDictionary<long, Delta> _accounts = [];

    private sealed class Delta
    {
        public DateTime LastSeen;
        public long Heartbeats;
        public DateTime? LastHeartbeat;
        public long TickBatches;
        public long Ticks;
        public DateTime? LastTick;
        public int? OffsetSeconds;
        public long? BrokerTime;
        public string? Remote;
        public DateTime? DisconnectAt;
        public string? DisconnectDetail;
        public bool EndsDisconnected;
        public Dictionary<string, long>? QuoteChanges;
    }

    public void Seen(long accountId, DateTimeOffset at, string? remote)
    {
        var delta = Get(accountId, at);
        delta.LastSeen = Max(delta.LastSeen, at.UtcDateTime);
        delta.Remote = remote ?? delta.Remote;
        delta.EndsDisconnected = false;
    }

    public void Heartbeat(long accountId, DateTimeOffset at, long brokerTime)
    {
        var delta = Get(accountId, at);
        delta.BrokerTime = Math.Max(delta.BrokerTime ?? brokerTime, brokerTime);
        delta.Heartbeats++;
        delta.LastHeartbeat = Max(delta.LastHeartbeat ?? at.UtcDateTime, at.UtcDateTime);
    }

    public void TickBatch(long accountId, DateTimeOffset at, int? offsetEstimate, long brokerTime, int ticks)
    {
        var delta = Get(accountId, at);
        delta.Ticks += ticks;
        delta.BrokerTime = Math.Max(delta.BrokerTime ?? brokerTime, brokerTime);
        delta.TickBatches++;
        delta.LastTick = Max(delta.LastTick ?? at.UtcDateTime, at.UtcDateTime);
        delta.OffsetSeconds = offsetEstimate ?? delta.OffsetSeconds;
    }

    /// <summary>The symbol's stored quote changed at <paramref name="at"/> (Core's receive time, in Unix seconds in the row).</summary>
    public void QuoteChanged(long accountId, DateTimeOffset at, string symbol)
    {
        var delta = Get(accountId, at);
        delta.QuoteChanges ??= new Dictionary<string, long>(StringComparer.Ordinal);
        var seconds = at.ToUnixTimeSeconds();
        delta.QuoteChanges[symbol] = delta.QuoteChanges.TryGetValue(symbol, out var known) ? Math.Max(known, seconds) : seconds;
    }

    public void Disconnect(long accountId, DateTimeOffset at, string detail)
    {
        var delta = Get(accountId, at);
        delta.DisconnectAt = at.UtcDateTime;
        delta.DisconnectDetail = detail;
        delta.EndsDisconnected = true;
    }

    /// <summary>Adds the one statement of the gathered changes to the batch's statements.</summary>
    public void AddTo(NpgsqlBatch batch)
    {
        if (_accounts.Count == 0)
        {
            return;
        }

        var rows = _accounts.ToList();
        // Rows are locked in account order, the order every batch uses, so two Core instances cannot deadlock here.
        batch.AddCommand("""
            WITH input AS (
                SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                  AS t(account_id, last_seen, heartbeats, last_heartbeat, tick_batches, last_tick, offset_seconds, remote,
                       disconnect_at, ends_disconnected, disconnect_detail, broker_time, ticks, quote_changes)),
            current_state AS (
                SELECT account_id, state, connected_at, disconnected_at FROM connections
                 WHERE account_id = ANY($1) ORDER BY account_id FOR UPDATE),
            merged AS (
                SELECT i.*, c.state AS previous_state, c.connected_at AS previous_connected_at, c.disconnected_at AS previous_disconnected_at,
                       CASE
                           -- A disconnect from before the latest connect belongs to the EA's previous run.
                           WHEN i.ends_disconnected AND (c.connected_at IS NULL OR i.disconnect_at >= c.connected_at) THEN 'disconnected'
                           WHEN i.ends_disconnected THEN coalesce(c.state, 'disconnected')
                           -- Traffic older than a stored disconnect does not revive the connection.
                           WHEN c.disconnected_at IS NOT NULL AND i.last_seen < c.disconnected_at THEN c.state
                           WHEN c.state IN ('degraded', 'failed') THEN c.state
                           ELSE 'connected'
                       END AS next_state
                  FROM input i LEFT JOIN current_state c USING (account_id)),
            upserted AS (
                INSERT INTO connections AS c (account_id, state, connected_at, disconnected_at, last_seen_at, last_heartbeat_at, last_tick_at,
                                              remote_address, heartbeat_count, tick_batch_count, ticks_received, broker_offset_seconds,
                                              broker_time, broker_time_moved_at, quotes_changed_at, updated_at)
                SELECT account_id, next_state,
                       CASE WHEN next_state = 'connected' AND previous_state IS DISTINCT FROM 'connected' THEN last_seen ELSE previous_connected_at END,
                       CASE WHEN next_state = 'disconnected' AND previous_state IS DISTINCT FROM 'disconnected' THEN disconnect_at ELSE previous_disconnected_at END,
                       last_seen, last_heartbeat, last_tick, remote, heartbeats, tick_batches, ticks, offset_seconds,
                       broker_time, CASE WHEN broker_time IS NOT NULL THEN last_seen END, quote_changes::jsonb, now()
                  FROM merged
                ON CONFLICT (account_id) DO UPDATE SET
                    state = EXCLUDED.state,
                    connected_at = EXCLUDED.connected_at,
                    disconnected_at = EXCLUDED.disconnected_at,
                    last_seen_at = greatest(c.last_seen_at, EXCLUDED.last_seen_at),
                    last_heartbeat_at = greatest(c.last_heartbeat_at, EXCLUDED.last_heartbeat_at),
                    last_tick_at = greatest(c.last_tick_at, EXCLUDED.last_tick_at),
                    remote_address = coalesce(EXCLUDED.remote_address, c.remote_address),
                    heartbeat_count = c.heartbeat_count + EXCLUDED.heartbeat_count,
                    tick_batch_count = c.tick_batch_count + EXCLUDED.tick_batch_count,
                    ticks_received = c.ticks_received + EXCLUDED.ticks_received,
                    broker_offset_seconds = coalesce(EXCLUDED.broker_offset_seconds, c.broker_offset_seconds),
                    -- Broker time stands still while the market is closed; when it last moved tells the health check so.
                    broker_time = greatest(c.broker_time, EXCLUDED.broker_time),
                    broker_time_moved_at = CASE WHEN EXCLUDED.broker_time > coalesce(c.broker_time, -1) THEN EXCLUDED.last_seen_at
                                                ELSE c.broker_time_moved_at END,
                    quotes_changed_at = CASE WHEN EXCLUDED.quotes_changed_at IS NULL THEN c.quotes_changed_at
                                             ELSE coalesce(c.quotes_changed_at, '{}'::jsonb) || EXCLUDED.quotes_changed_at END,
                    updated_at = now())
            INSERT INTO connection_events (account_id, at, event, detail)
            SELECT account_id,
                   CASE WHEN next_state = 'disconnected' THEN disconnect_at ELSE last_seen END,
                   CASE WHEN next_state = 'disconnected' THEN 'disconnected' ELSE 'resumed' END,
                   CASE WHEN next_state = 'disconnected' THEN disconnect_detail ELSE 'traffic while ' || coalesce(previous_state, 'unknown') END
              FROM merged
             WHERE next_state IS DISTINCT FROM previous_state
            """)
            .AddValue(rows.Select(r => r.Key).ToArray())
            .AddValue(TimestampArrays.Of(rows.Select(r => r.Value.LastSeen)))
            .AddValue(rows.Select(r => r.Value.Heartbeats).ToArray())
            .AddValue(TimestampArrays.Of(rows.Select(r => r.Value.LastHeartbeat)))
            .AddValue(rows.Select(r => r.Value.TickBatches).ToArray())
            .AddValue(TimestampArrays.Of(rows.Select(r => r.Value.LastTick)))
            .AddValue(rows.Select(r => r.Value.OffsetSeconds).ToArray())
            .AddValue(rows.Select(r => r.Value.Remote).ToArray())
            .AddValue(TimestampArrays.Of(rows.Select(r => r.Value.DisconnectAt)))
            .AddValue(rows.Select(r => r.Value.EndsDisconnected).ToArray())
            .AddValue(rows.Select(r => r.Value.DisconnectDetail).ToArray())
            .AddValue(rows.Select(r => r.Value.BrokerTime).ToArray())
            .AddValue(rows.Select(r => r.Value.Ticks).ToArray())
            .AddValue(rows.Select(r => r.Value.QuoteChanges is { } changes ? JsonSerializer.Serialize(changes) : null).ToArray());
        _accounts.Clear();
    }

    private Delta Get(long accountId, DateTimeOffset at)
    {
        if (!_accounts.TryGetValue(accountId, out var delta))
        {
            delta = new Delta { LastSeen = at.UtcDateTime };
            _accounts[accountId] = delta;
        }

        return delta;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
