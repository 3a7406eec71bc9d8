using Dapper;
using Npgsql;
using NgTradingBot.Core.Audit;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// The ordered list of symbols an account streams. The EA loads it once at start-up and keeps the
/// order (a reordered list makes it believe symbols are new), so the position is stored explicitly.
/// </summary>
public sealed class SymbolSubscriptions(NpgsqlDataSource dataSource)
{
    public sealed record Replaced(IReadOnlyList<string> Symbols, IReadOnlyList<string> NotOfferedByBroker);

    private sealed record AccountRef(long Id, string Broker);

    private sealed record SubscriptionRow(long Id, string? Symbol);

    /// <summary>Replaces the list; null when the login is unknown.</summary>
    public async Task<Replaced?> SetAsync(long login, IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var found = await connection.QuerySingleOrDefaultAsync<AccountRef>(
            "SELECT id, broker FROM accounts WHERE login = @login FOR UPDATE", new { login }, transaction);
        if (found is null)
        {
            return null;
        }

        var previous = (await connection.QueryAsync<string>(
            "SELECT symbol FROM symbols_subscribed WHERE account_id = @id ORDER BY position", new { id = found.Id }, transaction)).ToList();
        await ReplaceAsync(connection, transaction, found.Id, [.. symbols]);
        var notOffered = (await connection.QueryAsync<string>("""
            SELECT s.symbol FROM unnest(@symbols) WITH ORDINALITY AS s(symbol, ord)
             WHERE EXISTS (SELECT 1 FROM broker_symbols WHERE broker = @broker)
               AND NOT EXISTS (SELECT 1 FROM broker_symbols WHERE broker = @broker AND symbol = s.symbol)
             ORDER BY s.ord
            """, new { symbols = symbols.ToArray(), broker = found.Broker }, transaction)).ToList();
        await AuditLog.WriteAsync(connection, transaction, AuditLog.Operator, "account.symbols_changed", found.Id, login.ToString(),
            new { previous, symbols, notOfferedByBroker = notOffered });
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SubscriptionRow>("""
            SELECT a.id, s.symbol
              FROM accounts a
              LEFT JOIN symbols_subscribed s ON s.account_id = a.id
                   AND (NOT EXISTS (SELECT 1 FROM broker_symbols b WHERE b.broker = a.broker)
                        OR EXISTS (SELECT 1 FROM broker_symbols b WHERE b.broker = a.broker AND b.symbol = s.symbol))
             WHERE a.login = @login
             ORDER BY s.position
            """, new { login })).ToList();
        return rows.Count == 0 ? null : [.. rows.Where(r => r.Symbol is not null).Select(r => r.Symbol!)];
    }

    internal static async Task ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, string[] symbols)
    {
        await connection.ExecuteAsync("DELETE FROM symbols_subscribed WHERE account_id = @accountId", new { accountId }, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO symbols_subscribed (account_id, symbol, position)
            SELECT @accountId, symbol, ord::integer FROM unnest(@symbols) WITH ORDINALITY AS s(symbol, ord)
            """, new { accountId, symbols }, transaction);
    }
}
