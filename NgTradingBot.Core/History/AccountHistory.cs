using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.History;

/// <summary>
/// What an account's EA reported and what was done to the account, read back page by page, newest first, each list
/// scoped to the one account (bars to its broker's). Every method answers null when the login is not known.
/// </summary>
public sealed class AccountHistory(IDbContextFactory<TradingDbContext> contexts)
{
    private sealed record Scope(long AccountId, string Broker, int? BrokerOffset);

    public Task<HistoryPage<TickView>?> TicksAsync(long login, string? symbol, PageQuery page, CancellationToken cancellationToken) =>
        InScopeAsync(login, cancellationToken, async (db, scope) =>
        {
            var ticks = db.Ticks.AsNoTracking().Where(t => t.AccountId == scope.AccountId);
            ticks = symbol is null ? ticks : ticks.Where(t => t.Symbol == symbol);
            ticks = page.FromTime is { } from ? ticks.Where(t => t.TickTime >= from) : ticks;
            ticks = page.ToTime is { } to ? ticks.Where(t => t.TickTime < to) : ticks;
            // Ticks have no key, so a page resumes at the last time returned, skipping the rows of that time already
            // returned; the full ordering makes that skip land on the same rows (rows equal in every column are interchangeable).
            var after = page.After;
            var skip = 0;
            if (after is not null)
            {
                var at = after.KeyTime;
                ticks = ticks.Where(t => t.TickTime <= at);
                skip = (int)Math.Min(after.Tie, int.MaxValue);
            }

            var rows = await ticks
                .OrderByDescending(t => t.TickTime).ThenByDescending(t => t.ReceivedAt).ThenBy(t => t.Symbol)
                .ThenBy(t => t.Bid).ThenBy(t => t.Ask).ThenBy(t => t.Volume).ThenBy(t => t.BrokerTime)
                .Skip(skip).Take(page.Size + 1)
                .Select(t => new TickView(t.Symbol, t.Bid, t.Ask, t.Volume, t.TickTime, t.BrokerTime, t.ReceivedAt))
                .ToListAsync(cancellationToken);
            return PageOf(rows, page.Size, last =>
            {
                var sameTime = rows.Take(page.Size).Count(r => r.Time == last.Time);
                return PageCursor.At(last.Time, after is not null && after.KeyTime == last.Time ? skip + sameTime : sameTime);
            });
        });

    public Task<HistoryPage<BarView>?> BarsAsync(long login, string symbol, string timeframe, PageQuery page, CancellationToken cancellationToken) =>
        InScopeAsync(login, cancellationToken, async (db, scope) =>
        {
            var bars = db.OhlcBars.AsNoTracking().Where(b => b.Broker == scope.Broker && b.Symbol == symbol && b.Timeframe == timeframe);
            var (from, to) = BrokerWindow(page, scope);
            bars = from is null ? bars : bars.Where(b => b.OpenTimeBroker >= from);
            bars = to is null ? bars : bars.Where(b => b.OpenTimeBroker < to);
            bars = page.After is { } after ? bars.Where(b => b.OpenTimeBroker < after.Key) : bars;
            var rows = await bars.OrderByDescending(b => b.OpenTimeBroker).Take(page.Size + 1).ToListAsync(cancellationToken);
            var views = rows.Select(b => new BarView(BrokerClock.ToUtc(b.OpenTimeBroker, scope.BrokerOffset), b.OpenTimeBroker,
                b.Open, b.High, b.Low, b.Close, b.Volume)).ToList();
            return PageOf(views, page.Size, last => new PageCursor(last.OpenTimeBroker, 0));
        });

    public Task<HistoryPage<TransactionView>?> TransactionsAsync(long login, PageQuery page, CancellationToken cancellationToken) =>
        InScopeAsync(login, cancellationToken, async (db, scope) =>
        {
            var transactions = db.AccountTransactions.AsNoTracking().Where(t => t.AccountId == scope.AccountId);
            var (from, to) = BrokerWindow(page, scope);
            transactions = from is null ? transactions : transactions.Where(t => t.BrokerTime >= from);
            transactions = to is null ? transactions : transactions.Where(t => t.BrokerTime < to);
            transactions = page.After is { } after
                ? transactions.Where(t => t.BrokerTime < after.Key || (t.BrokerTime == after.Key && t.Ticket < after.Tie))
                : transactions;
            var rows = await transactions.OrderByDescending(t => t.BrokerTime).ThenByDescending(t => t.Ticket).Take(page.Size + 1).ToListAsync(cancellationToken);
            var views = rows.Select(t => new TransactionView(t.Ticket, t.TransactionType, t.Amount, t.Balance, t.Comment,
                BrokerClock.ToUtc(t.BrokerTime, scope.BrokerOffset), t.BrokerTime, t.ReceivedAt)).ToList();
            return PageOf(views, page.Size, last => new PageCursor(last.BrokerTime, last.Ticket));
        });

    public Task<HistoryPage<EquityPoint>?> EquityAsync(long login, PageQuery page, CancellationToken cancellationToken) =>
        InScopeAsync(login, cancellationToken, async (db, scope) =>
        {
            var samples = db.EquitySamples.AsNoTracking().Where(s => s.AccountId == scope.AccountId);
            samples = page.FromTime is { } from ? samples.Where(s => s.At >= from) : samples;
            samples = page.ToTime is { } to ? samples.Where(s => s.At < to) : samples;
            if (page.After is { } after)
            {
                var at = after.KeyTime;
                samples = samples.Where(s => s.At < at);
            }

            var rows = await samples.OrderByDescending(s => s.At).Take(page.Size + 1)
                .Select(s => new EquityPoint(s.At, s.Balance, s.Equity, s.Margin, s.FreeMargin, s.FloatingProfit))
                .ToListAsync(cancellationToken);
            return PageOf(rows, page.Size, last => PageCursor.At(last.At, 0));
        });

    public Task<HistoryPage<EaLogView>?> LogsAsync(long login, string? level, PageQuery page, CancellationToken cancellationToken) =>
        InScopeAsync(login, cancellationToken, async (db, scope) =>
        {
            var logs = db.EaLogs.AsNoTracking().Where(l => l.AccountId == scope.AccountId);
            logs = level is null ? logs : logs.Where(l => l.Level == level);
            var rows = await NewestFirst.Page(logs, l => l.ReceivedAt, l => l.Id, page)
                .Select(l => new EaLogView(l.Id, l.Level, l.Message, l.Details, l.ReceivedAt))
                .ToListAsync(cancellationToken);
            return PageOf(rows, page.Size, last => PageCursor.At(last.ReceivedAt, last.Id));
        });

    public Task<HistoryPage<AuditView>?> AuditAsync(long login, string? action, PageQuery page, CancellationToken cancellationToken) =>
        InScopeAsync(login, cancellationToken, async (db, scope) =>
        {
            var events = db.AuditEvents.AsNoTracking().Where(e => e.AccountId == scope.AccountId);
            events = action is null ? events : events.Where(e => e.Action == action);
            var rows = await NewestFirst.Page(events, e => e.At, e => e.Id, page).ToListAsync(cancellationToken);
            var views = rows.Select(e => new AuditView(e.Id, e.At, e.Actor, e.Action, e.Subject,
                e.Data is null ? null : ParseJson(e.Data))).ToList();
            return PageOf(views, page.Size, last => PageCursor.At(last.At, last.Id));
        });

    /// <summary>The connection's transitions (connected, health.degraded with its reasons, disconnected, ...): the health timeline.</summary>
    public Task<HistoryPage<ConnectionEventView>?> ConnectionEventsAsync(long login, PageQuery page, CancellationToken cancellationToken) =>
        InScopeAsync(login, cancellationToken, async (db, scope) =>
        {
            var events = db.ConnectionEvents.AsNoTracking().Where(e => e.AccountId == scope.AccountId);
            var rows = await NewestFirst.Page(events, e => e.At, e => e.Id, page)
                .Select(e => new ConnectionEventView(e.Id, e.At, e.Event, e.Detail))
                .ToListAsync(cancellationToken);
            return PageOf(rows, page.Size, last => PageCursor.At(last.At, last.Id));
        });

    /// <summary>Open and closed positions, the most recently updated first; <paramref name="status"/> narrows to open or closed.</summary>
    public Task<HistoryPage<PositionView>?> PositionsAsync(long login, string? status, PageQuery page, CancellationToken cancellationToken) =>
        InScopeAsync(login, cancellationToken, async (db, scope) =>
        {
            var trades = db.Trades.AsNoTracking().Where(t => t.AccountId == scope.AccountId);
            trades = status is null ? trades : trades.Where(t => t.Status == status);
            var rows = await NewestFirst.Page(trades, t => t.UpdatedAt, t => t.Ticket, page)
                .Select(t => new PositionView(t.Ticket, t.Symbol, t.Direction, t.Volume, t.OpenPrice, t.ClosePrice, t.Sl, t.Tp, t.Profit, t.Status,
                    t.CloseReason, t.CommandId, t.FirstSeenAt, t.UpdatedAt))
                .ToListAsync(cancellationToken);
            return PageOf(rows, page.Size, last => PageCursor.At(last.UpdatedAt, last.Ticket));
        });

    /// <summary>Runs <paramref name="read"/> for the login's account; null when the login is not known.</summary>
    private async Task<HistoryPage<T>?> InScopeAsync<T>(long login, CancellationToken cancellationToken,
        Func<TradingDbContext, Scope, Task<HistoryPage<T>>> read)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scope = await db.Accounts.AsNoTracking().Where(a => a.Login == login)
            .Select(a => new Scope(a.Id, a.Broker, db.Connections.Where(c => c.AccountId == a.Id).Select(c => c.BrokerOffsetSeconds).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        return scope is null ? null : await read(db, scope);
    }

    /// <summary>The query's UTC window on the broker's clock, which bars and transactions are stamped with.</summary>
    private static (long? From, long? To) BrokerWindow(PageQuery page, Scope scope) =>
        (page.FromTime is { } from ? BrokerClock.ToBroker(from, scope.BrokerOffset) : null,
            page.ToTime is { } to ? BrokerClock.ToBroker(to, scope.BrokerOffset) : null);

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>The first <paramref name="size"/> rows (one more was read to learn whether another page follows).</summary>
    private static HistoryPage<T> PageOf<T>(List<T> rows, int size, Func<T, PageCursor> cursorAfter) =>
        rows.Count > size ? new HistoryPage<T>(rows[..size], cursorAfter(rows[size - 1]).ToString()) : new HistoryPage<T>(rows, null);
}
