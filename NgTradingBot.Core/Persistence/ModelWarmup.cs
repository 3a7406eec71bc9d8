using Microsoft.EntityFrameworkCore;

namespace NgTradingBot.Core.Persistence;

/// <summary>
/// Runs the kinds of EF operation the operator and strategy APIs use once, in a transaction that is rolled back,
/// before Core reports ready: a process's first query of each kind JIT-compiles much of EF. The connect path, which
/// the EA times out on, is warmed by <see cref="Accounts.AccountRegistry.WarmUpAsync"/> (it saves entities too).
/// </summary>
public static class ModelWarmup
{
    public static async Task RunAsync(TradingDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var login = 0L;
        await db.Accounts.AsNoTracking().Where(a => a.Login == login).Select(a => new { a.Id, a.Enrollment }).SingleOrDefaultAsync(cancellationToken);
        await db.Accounts.FromSql($"SELECT * FROM accounts WHERE login = {login} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        await db.SymbolSubscriptions.Where(s => s.AccountId == login).ExecuteDeleteAsync(cancellationToken);
        await db.Connections.Where(c => c.AccountId == login).ExecuteUpdateAsync(set => set.SetProperty(c => c.UpdatedAt, DateTimeOffset.UtcNow), cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }
}
