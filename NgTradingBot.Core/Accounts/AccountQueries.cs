using Dapper;
using Npgsql;

namespace NgTradingBot.Core.Accounts;

/// <summary>Read models for the operator API.</summary>
public sealed class AccountQueries(NpgsqlDataSource dataSource)
{
    private sealed record AccountRow(long Id, long Login, string Broker, string Enrollment, DateTime CreatedAt, DateTime? ApiKeyIssuedAt);

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(string? enrollment, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccountSummary>("""
            SELECT a.login, a.broker, a.enrollment, c.state AS connection_state, c.last_seen_at, a.balance, a.equity, a.created_at
              FROM accounts a LEFT JOIN connections c ON c.account_id = a.id
             WHERE @enrollment::text IS NULL OR a.enrollment = @enrollment
             ORDER BY a.login
            """, new { enrollment });
        return [.. rows];
    }

    public async Task<AccountDetails?> GetAsync(long login, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var account = await connection.QuerySingleOrDefaultAsync<AccountRow>(
            "SELECT id, login, broker, enrollment, created_at, api_key_issued_at FROM accounts WHERE login = @login", new { login });
        if (account is null)
        {
            return null;
        }

        var state = await connection.QuerySingleAsync<AccountState>("""
            SELECT balance, equity, margin, free_margin, profit_today, profit_week, profit_month, profit_year,
                   deposits_today, deposits_week, deposits_month, deposits_year, state_broker_time, state_updated_at
              FROM accounts WHERE id = @Id
            """, account);
        var connectionView = await connection.QuerySingleOrDefaultAsync<ConnectionView>("""
            SELECT state, connected_at, disconnected_at, last_seen_at, last_heartbeat_at, last_tick_at, remote_address,
                   heartbeat_count, tick_batch_count, broker_offset_seconds
              FROM connections WHERE account_id = @Id
            """, account);
        var symbols = await connection.QueryAsync<string>(
            "SELECT symbol FROM symbols_subscribed WHERE account_id = @Id ORDER BY position", account);
        var openTrades = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM trades WHERE account_id = @Id AND status = 'open'", account);
        return new AccountDetails(account.Login, account.Broker, account.Enrollment, account.CreatedAt, account.ApiKeyIssuedAt,
            state, connectionView, [.. symbols], openTrades);
    }
}
