using Dapper;
using Npgsql;
using NgTradingBot.Core.Audit;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// The operator's enrollment decisions. Each one is published to Redis at once, so the gateway admits
/// an approved account (its next connect gets a key) or refuses a blocked one from its next request.
/// </summary>
public sealed class AccountApprovals(NpgsqlDataSource dataSource, RedisAccountCredentials credentials, ILogger<AccountApprovals> logger)
{
    public sealed record Decision(long Login, string Previous, string Enrollment);

    /// <summary>Pending or blocked becomes active; null when the login is unknown.</summary>
    public Task<Decision?> ApproveAsync(long login, CancellationToken cancellationToken) =>
        ChangeAsync(login, AccountEnrollment.Active, "account.approved", cancellationToken);

    /// <summary>Any state becomes blocked; the account's keys stop working. Null when the login is unknown.</summary>
    public Task<Decision?> BlockAsync(long login, CancellationToken cancellationToken) =>
        ChangeAsync(login, AccountEnrollment.Blocked, "account.blocked", cancellationToken);

    private async Task<Decision?> ChangeAsync(long login, string enrollment, string action, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var previous = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT enrollment FROM accounts WHERE login = @login FOR UPDATE", new { login }, transaction);
        if (previous is null)
        {
            return null;
        }

        if (previous == enrollment)
        {
            return new Decision(login, previous, enrollment);
        }

        var credential = await connection.QuerySingleAsync<AccountCredentialRow>($"""
            UPDATE accounts SET enrollment = @enrollment, updated_at = now() WHERE login = @login
            RETURNING {AccountCredentialRow.Columns}
            """, new { login, enrollment }, transaction);
        await AuditLog.WriteAsync(connection, transaction, AuditLog.Operator, action, credential.Id, login.ToString(),
            new { previous, enrollment });
        if (enrollment == AccountEnrollment.Blocked)
        {
            // The gateway refuses its traffic from now on, so the connection ends here rather than going stale.
            await connection.ExecuteAsync("""
                UPDATE connections SET state = 'disconnected', disconnected_at = now(), updated_at = now()
                 WHERE account_id = @Id AND state <> 'disconnected'
                """, credential, transaction);
            await AccountRegistry.AddConnectionEventAsync(connection, transaction, credential.Id, "blocked", "blocked by an operator");
        }

        await credentials.PublishAsync(credential.ToCredential());
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {Login} enrollment changed from {Previous} to {Enrollment}", login, previous, enrollment);
        return new Decision(login, previous, enrollment);
    }
}
