using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// The ordered list of symbols an account streams. The EA loads it once at start-up and keeps the
/// order (a reordered list makes it believe symbols are new), so the position is stored explicitly.
/// </summary>
public sealed class SymbolSubscriptions(IDbContextFactory<TradingDbContext> contexts)
{
    public sealed record Replaced(IReadOnlyList<string> Symbols, IReadOnlyList<string> NotOfferedByBroker);

    /// <summary>Replaces the list; null when the login is unknown.</summary>
    public async Task<Replaced?> SetAsync(long login, IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Accounts.FromSql($"SELECT * FROM accounts WHERE login = {login} FOR UPDATE").AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var previous = await Subscribed(db, account.Id).ToListAsync(cancellationToken);
        await ReplaceAsync(db, account.Id, symbols, cancellationToken);
        IReadOnlyList<string> notOffered = [];
        // A broker that reported no symbols at all is not held against the list.
        if (await db.BrokerSymbols.AnyAsync(b => b.Broker == account.Broker, cancellationToken))
        {
            var offered = (await db.BrokerSymbols.Where(b => b.Broker == account.Broker && symbols.Contains(b.Symbol)).Select(b => b.Symbol)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            notOffered = [.. symbols.Where(s => !offered.Contains(s))];
        }
        db.AuditEvents.Add(AuditEvent.Of(AuditLog.Operator, "account.symbols_changed", account.Id, login.ToString(),
            new { previous, symbols, notOfferedByBroker = notOffered }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Replaced(symbols, notOffered);
    }

    /// <summary>
    /// What the EA should stream: the subscriptions in order, without symbols its broker did not report
    /// (the EA would stream nothing useful for them); unfiltered when the broker reported none. Null when
    /// the login is unknown.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ForEaAsync(long login, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Accounts.Where(a => a.Login == login).Select(a => new { a.Id, a.Broker }).SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        return await Subscribed(db, account.Id)
            .Where(symbol => !db.BrokerSymbols.Any(b => b.Broker == account.Broker)
                             || db.BrokerSymbols.Any(b => b.Broker == account.Broker && b.Symbol == symbol))
            .ToListAsync(cancellationToken);
    }

    private static async Task ReplaceAsync(TradingDbContext db, long accountId, IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        await db.SymbolSubscriptions.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
        Add(db, accountId, symbols);
    }

    /// <summary>The first list of an account that has none; written with the caller's SaveChanges. Positions start at 1.</summary>
    internal static void Add(TradingDbContext db, long accountId, IReadOnlyList<string> symbols) =>
        db.SymbolSubscriptions.AddRange(symbols.Select((symbol, index) =>
            new SymbolSubscription { AccountId = accountId, Symbol = symbol, Position = index + 1 }));

    private static IQueryable<string> Subscribed(TradingDbContext db, long accountId) =>
        db.SymbolSubscriptions.Where(s => s.AccountId == accountId).OrderBy(s => s.Position).Select(s => s.Symbol);
}
