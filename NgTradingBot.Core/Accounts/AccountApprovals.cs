using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.Persistence;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// The operator's enrollment decisions. Each one is published to Redis at once, so the gateway admits
/// an approved account (its next connect gets a key) or refuses a blocked one from its next request.
/// </summary>
public sealed class AccountApprovals(
    IDbContextFactory<TradingDbContext> contexts,
    RedisAccountCredentials credentials,
    TimeProvider clock,
    ILogger<AccountApprovals> logger)
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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The row lock orders this decision with a connect of the same login, which publishes a credential too.
        var account = await db.Accounts.FromSql($"SELECT * FROM accounts WHERE login = {login} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var previous = account.Enrollment;
        if (previous == enrollment)
        {
            return new Decision(login, previous, enrollment);
        }

        var now = clock.GetUtcNow();
        account.Enrollment = enrollment;
        account.UpdatedAt = now;
        db.AuditEvents.Add(AuditEvent.Of(AuditLog.Operator, action, account.Id, login.ToString(), new { previous, enrollment }));
        if (enrollment == AccountEnrollment.Blocked)
        {
            // The gateway refuses its traffic from now on, so the connection ends here rather than going stale.
            await db.Connections
                .Where(c => c.AccountId == account.Id && c.State != ConnectionStates.Disconnected)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.State, ConnectionStates.Disconnected)
                    .SetProperty(c => c.DisconnectedAt, now)
                    .SetProperty(c => c.UpdatedAt, now), cancellationToken);
            db.ConnectionEvents.Add(ConnectionEvent.Of(account.Id, "blocked", "blocked by an operator"));
        }

        await db.SaveChangesAsync(cancellationToken);
        await credentials.PublishAsync(account.ToCredential());
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {Login} enrollment changed from {Previous} to {Enrollment}", login, previous, enrollment);
        return new Decision(login, previous, enrollment);
    }
}
