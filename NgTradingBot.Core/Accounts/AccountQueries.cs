using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>Read models for the operator API.</summary>
public sealed class AccountQueries(IDbContextFactory<TradingDbContext> contexts, AccountTrafficStore traffic, ConnectionUptime uptime, TimeProvider time)
{
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(string? enrollment, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from account in db.Accounts
                join connection in db.Connections on account.Id equals connection.AccountId into connections
                from connection in connections.DefaultIfEmpty()
                where enrollment == null || account.Enrollment == enrollment
                orderby account.Login
                select new
                {
                    account,
                    State = connection == null ? null : connection.State,
                    HealthScore = connection == null ? null : connection.HealthScore,
                    IsHealthy = connection != null && connection.IsHealthy,
                    LastSeenAt = connection == null ? null : connection.LastSeenAt,
                    OpenPositions = db.Trades.LongCount(t => t.AccountId == account.Id && t.Status == "open"),
                })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var counts = await traffic.GetAsync([.. rows.Select(r => r.account.Login)]);
        return [.. rows.Select(r => new AccountSummary(r.account.Login, r.account.Broker, r.account.Enrollment, r.State, r.HealthScore, r.IsHealthy,
            r.LastSeenAt?.UtcDateTime,
            r.account.Balance, r.account.Equity, r.account.CreatedAt.UtcDateTime, r.OpenPositions,
            counts.TryGetValue(r.account.Login, out var counted) ? counted.Answered : 0))];
    }

    public async Task<AccountDetails?> GetAsync(long login, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Login == login, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == account.Id, cancellationToken);
        var symbols = await db.SymbolSubscriptions.Where(s => s.AccountId == account.Id).OrderBy(s => s.Position).Select(s => s.Symbol)
            .ToListAsync(cancellationToken);
        var openTrades = await db.Trades.LongCountAsync(t => t.AccountId == account.Id && t.Status == "open", cancellationToken);
        var view = connection is null ? null : ViewOf(connection, (await traffic.GetLatencyAsync([login], time.GetUtcNow()))[login],
            (await uptime.GetAsync([account.Id], cancellationToken))[account.Id]);
        return new AccountDetails(account.Login, account.Broker, account.Enrollment, account.CreatedAt.UtcDateTime, account.ApiKeyIssuedAt?.UtcDateTime,
            StateOf(account), view, symbols, openTrades);
    }

    private static AccountState StateOf(Account a) => new(a.Balance, a.Equity, a.Margin, a.FreeMargin, a.ProfitToday, a.ProfitWeek,
        a.ProfitMonth, a.ProfitYear, a.DepositsToday, a.DepositsWeek, a.DepositsMonth, a.DepositsYear, a.StateBrokerTime, a.StateUpdatedAt?.UtcDateTime);

    private static ConnectionView ViewOf(AccountConnection c, AccountLatency latency, IReadOnlyList<UptimeWindow> uptime) => new(c.State, c.ConnectedAt?.UtcDateTime, c.DisconnectedAt?.UtcDateTime,
        c.LastSeenAt?.UtcDateTime, c.LastHeartbeatAt?.UtcDateTime, c.LastTickAt?.UtcDateTime, c.RemoteAddress, c.HeartbeatCount, c.TickBatchCount,
        c.BrokerOffsetSeconds, c.LastRequestAt?.UtcDateTime, c.HealthScore, c.HealthReasons, c.IsHealthy, c.ConsecutiveFailures, c.HeartbeatLatencyMs,
        c.HealthCheckedAt?.UtcDateTime, latency, uptime);
}
