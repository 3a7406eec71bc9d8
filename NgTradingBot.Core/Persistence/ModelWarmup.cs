using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Audit;

namespace NgTradingBot.Core.Persistence;

/// <summary>
/// Runs each kind of EF operation Core uses once, in a transaction that is rolled back, before Core reports ready.
/// A process's first query and first SaveChanges JIT-compile most of EF: measured cold, an EA's first connect took
/// 1.6 s instead of 0.9 s, and the EA gives up on a connect after 3 s (on a busy machine it did). Paid here, that
/// cost is off every EA's and strategy's clock.
/// </summary>
public static class ModelWarmup
{
    public static async Task RunAsync(TradingDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var login = 0L;
        var account = await db.Accounts.AsNoTracking().Where(a => a.Login == login).Select(a => new { a.Id, a.Enrollment }).SingleOrDefaultAsync(cancellationToken);
        await db.Accounts.FromSql($"SELECT * FROM accounts WHERE login = {login} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        await db.Database.SqlQuery<bool>($"""SELECT {account is null} AS "Value" """).ToListAsync(cancellationToken);
        await db.SymbolSubscriptions.Where(s => s.AccountId == login).ExecuteDeleteAsync(cancellationToken);
        await db.Connections.Where(c => c.AccountId == login).ExecuteUpdateAsync(set => set.SetProperty(c => c.UpdatedAt, DateTimeOffset.UtcNow), cancellationToken);
        db.AuditEvents.Add(AuditEvent.Of(AuditLog.System, "core.warmup", null));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }
}
