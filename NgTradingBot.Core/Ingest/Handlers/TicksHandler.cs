using Npgsql;
using NgTradingBot.Core.Connections;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// Tick batches, the hot path (up to 20 per second per EA). The EA samples every subscribed symbol every
/// 50 ms whether or not the price moved, so a tick is stored only when its bid or ask differs from the
/// account's last stored quote of that symbol. The batch also carries the account snapshot, the open
/// positions' floating profit, and the timestamps the broker offset is estimated from.
/// </summary>
public sealed class TicksHandler(QuoteCache cache, IngestMetrics metrics) : IIngestHandler
{
    private sealed record SeedRow(string Symbol, decimal Bid, decimal Ask);

    public string Kind => IngestKinds.Ticks;

    public async Task HandleAsync(IngestContext context)
    {
        var batch = context.Parse(TicksRequest.Parse);
        context.RequireAccount(batch.Account);
        var accountId = context.Account.Id;
        var writes = context.Writes;
        await SeedAsync(context, batch.Ticks);

        var changed = new List<Tick>(batch.Ticks.Count);
        foreach (var tick in batch.Ticks)
        {
            var quote = new Quote(tick.Bid, tick.Ask);
            if (writes.TryGetQuote(accountId, tick.Symbol, out var last) && last == quote)
            {
                continue;
            }

            writes.StageQuote(accountId, tick.Symbol, quote);
            changed.Add(tick);
        }

        // TimeCurrent() only moves with live quotes: estimate the offset from ticks that just changed.
        var estimate = changed.Count > 0 ? BrokerClock.EstimateOffset(changed.Max(t => t.Timestamp), context.ReceivedAt) : null;
        if (estimate is { } offset && offset != context.Account.BrokerOffsetSeconds)
        {
            context.UpdateBrokerOffset(offset);
        }

        foreach (var tick in changed)
        {
            writes.Connections.QuoteChanged(accountId, context.ReceivedAt, tick.Symbol);
            writes.Ticks.Add(accountId, tick.Symbol, tick.Bid, tick.Ask, tick.Volume, tick.Timestamp,
                BrokerClock.ToUtc(tick.Timestamp, context.Account.BrokerOffsetSeconds), context.ReceivedAt);
        }

        var brokerTime = batch.Ticks.Max(t => t.Timestamp);
        writes.Connections.TickBatch(accountId, context.ReceivedAt, estimate, brokerTime, batch.Ticks.Count);
        var snapshot = batch.Snapshot;
        writes.AccountStates.Apply(accountId, context.ReceivedAt, brokerTime,
            snapshot.Balance, snapshot.Equity, snapshot.Margin, snapshot.FreeMargin, batch.Profit, deposits: null);
        writes.Positions.Set(accountId, context.ReceivedAt, batch.Positions, batch.PositionsComplete);
        context.Effects = new
        {
            ticks = batch.Ticks.Count,
            stored = changed.Count,
            rejected = batch.Rejected.Count,
            positions = batch.Positions.Count,
            brokerOffsetSeconds = estimate,
        };
        context.AfterCommit.Add(() =>
        {
            metrics.Ticks(changed.Count, batch.Ticks.Count - changed.Count);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// After a restart the cache is empty: the first tick of each symbol is compared with the last one
    /// stored in the past day instead of being stored again. Seeds are committed data, so they go
    /// straight into the shared cache.
    /// </summary>
    private async Task SeedAsync(IngestContext context, IReadOnlyList<Tick> ticks)
    {
        var accountId = context.Account.Id;
        var unseen = ticks.Select(t => t.Symbol).Distinct(StringComparer.Ordinal)
            .Where(symbol => !context.Writes.TryGetQuote(accountId, symbol, out _)).ToArray();
        if (unseen.Length == 0)
        {
            return;
        }

        // Raw Npgsql: on the hot path after every restart, read by ordinal on the ingest batch's own transaction.
        await using var command = new NpgsqlCommand("""
            SELECT s.symbol, t.bid, t.ask
              FROM unnest($1) AS s(symbol)
              CROSS JOIN LATERAL (
                  SELECT bid, ask FROM ticks
                   WHERE ticks.symbol = s.symbol AND ticks.account_id = $2 AND ticks.tick_time > now() - interval '1 day'
                     -- Lets PostgreSQL skip the older days' partitions (they are by receive time).
                     AND ticks.received_at > now() - interval '2 days'
                   ORDER BY ticks.tick_time DESC LIMIT 1) t
            """, context.Connection, context.Transaction);
        command.Parameters.AddValue(unseen).AddValue(accountId);
        var seeds = await command.ReadAllAsync(row => new SeedRow(row.GetString(0), row.GetDecimal(1), row.GetDecimal(2)));
        foreach (var seed in seeds)
        {
            cache.Set(accountId, seed.Symbol, new Quote(seed.Bid, seed.Ask));
        }
    }
}
