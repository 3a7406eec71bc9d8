using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.Persistence;
using NgTradingBot.EaProtocol.Keys;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// Registration and key issuing at connect. The EA sends no secret at connect (contract section 3),
/// so the login alone identifies it; what protects an account is the enrollment policy and the
/// operator's approve/block decisions, and the fact that a key is only ever stored as a hash.
/// </summary>
public sealed class AccountRegistry(
    IDbContextFactory<TradingDbContext> contexts,
    RedisAccountCredentials credentials,
    IOptions<EnrollmentOptions> options,
    TimeProvider clock,
    ILogger<AccountRegistry> logger)
{
    /// <summary>A login no MT5 account has (logins are positive), written only inside the warm-up's rolled-back transaction.</summary>
    private const long WarmUpLogin = -1;

    public async Task<ConnectOutcome> ConnectAsync(long login, string broker, IReadOnlyList<string> availableSymbols, string? remoteAddress,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (outcome, credential) = await RecordConnectAsync(db, login, broker, availableSymbols, remoteAddress, cancellationToken);
        if (credential is not null)
        {
            // Published while the row lock is held, so two racing connects reach Redis in the order they
            // committed; and before the key is returned, so the gateway accepts it from the EA's next request.
            await credentials.PublishAsync(credential);
        }

        await transaction.CommitAsync(cancellationToken);
        if (outcome.ApiKey is not null)
        {
            logger.LogInformation("Account {Login} connected from {RemoteAddress}; new key issued", login, remoteAddress);
        }

        return outcome;
    }

    /// <summary>
    /// A first connect and a reconnect, run in a transaction that is rolled back, nothing published. A process's
    /// first connect JIT-compiles its whole path (EF's queries and saves, the array and JSON parameters): measured
    /// cold, 0.9 to 1.9 s on an idle machine, past the EA's 3 s timeout on a busy one. Paid before Core reports ready.
    /// </summary>
    public async Task WarmUpAsync(TradingDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        string[] symbols = ["EURUSD"];
        await RecordConnectAsync(db, WarmUpLogin, "", symbols, null, cancellationToken);
        await db.Accounts.Where(a => a.Login == WarmUpLogin)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Enrollment, AccountEnrollment.Active), cancellationToken);
        db.ChangeTracker.Clear();
        await RecordConnectAsync(db, WarmUpLogin, "", symbols, null, cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The connect's writes, in the caller's transaction, and the credential to publish before it commits (if any).</summary>
    private async Task<(ConnectOutcome Outcome, AccountCredential? Credential)> RecordConnectAsync(TradingDbContext db, long login, string broker,
        IReadOnlyList<string> availableSymbols, string? remoteAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var symbols = availableSymbols.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToArray();
        var initialEnrollment = settings.Policy == EnrollmentPolicy.Open ? AccountEnrollment.Active : AccountEnrollment.Pending;

        // An upsert, not a read then an insert: two first connects of one login race. It also locks the row,
        // so concurrent connects of one login issue keys one after the other.
        var inserted = (await db.Database.SqlQuery<bool>($"""
            INSERT INTO accounts (login, broker, enrollment) VALUES ({login}, {broker}, {initialEnrollment})
            ON CONFLICT (login) DO UPDATE
                SET broker = CASE WHEN EXCLUDED.broker <> '' THEN EXCLUDED.broker ELSE accounts.broker END, updated_at = now()
            RETURNING (xmax = 0) AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        var account = await db.Accounts.SingleAsync(a => a.Login == login, cancellationToken);

        if (symbols.Length > 0)
        {
            // One statement for the whole list: brokers report every symbol they have, often thousands.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO broker_symbols (broker, symbol) SELECT {account.Broker}, symbol FROM unnest({symbols}) AS s(symbol)
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }

        if (inserted)
        {
            SymbolSubscriptions.Add(db, account.Id, DefaultSubscriptions(settings.EffectiveDefaultSymbols, symbols));
            db.AuditEvents.Add(AuditEvent.Of(AuditLog.Ea, "account.registered", account.Id, login.ToString(),
                new { broker = account.Broker, enrollment = account.Enrollment, policy = settings.Policy.ToString(), remoteAddress }));
        }

        if (account.Enrollment != AccountEnrollment.Active)
        {
            var detail = account.Enrollment == AccountEnrollment.Blocked ? "blocked by an operator" : "waiting for operator approval";
            db.ConnectionEvents.Add(ConnectionEvent.Of(account.Id, "connect_refused", remoteAddress is null ? detail : $"{detail}; from {remoteAddress}"));
            db.AuditEvents.Add(AuditEvent.Of(AuditLog.Ea, "account.connect_refused", account.Id, login.ToString(),
                new { enrollment = account.Enrollment, remoteAddress }));
            await db.SaveChangesAsync(cancellationToken);
            // Known to the gateway as pending (not unknown) from the first connect on.
            return (account.Enrollment == AccountEnrollment.Blocked ? ConnectOutcome.Blocked : ConnectOutcome.Pending,
                inserted ? account.ToCredential() : null);
        }

        var apiKey = ApiKeyGenerator.Generate();
        var now = clock.GetUtcNow();
        account.PreviousKeyValidUntil = account.ApiKeyHash is null ? null : now + settings.KeyGracePeriod;
        account.PreviousApiKeyHash = account.ApiKeyHash;
        account.ApiKeyHash = ApiKeyHasher.Hash(apiKey);
        account.ApiKeyIssuedAt = now;
        account.UpdatedAt = now;

        // The row's counters and stamps are the ingest path's; a connect resets only what a connect means.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO connections (account_id, state, connected_at, last_seen_at, remote_address)
            VALUES ({account.Id}, 'connected', now(), now(), {remoteAddress})
            ON CONFLICT (account_id) DO UPDATE
                SET state = 'connected', connected_at = now(), last_seen_at = greatest(connections.last_seen_at, now()),
                    remote_address = coalesce(EXCLUDED.remote_address, connections.remote_address), updated_at = now()
            """, cancellationToken);
        db.ConnectionEvents.Add(ConnectionEvent.Of(account.Id, "connected", remoteAddress));
        db.AuditEvents.Add(AuditEvent.Of(AuditLog.Ea, "account.connected", account.Id, login.ToString(),
            new { broker = account.Broker, remoteAddress, availableSymbols = symbols.Length }));
        db.AuditEvents.Add(AuditEvent.Of(AuditLog.Ea, "account.key_issued", account.Id, login.ToString(),
            new { previousKeyValidUntil = account.PreviousKeyValidUntil?.UtcDateTime }));
        await db.SaveChangesAsync(cancellationToken);
        return (ConnectOutcome.Active(apiKey), account.ToCredential());
    }

    /// <summary>The configured defaults the broker actually offers, in the configured order (all of them when the broker listed none).</summary>
    public static IReadOnlyList<string> DefaultSubscriptions(IReadOnlyList<string> defaults, IReadOnlyCollection<string> availableSymbols)
    {
        if (availableSymbols.Count == 0)
        {
            return defaults;
        }

        var available = availableSymbols as ISet<string> ?? new HashSet<string>(availableSymbols, StringComparer.Ordinal);
        return [.. defaults.Where(available.Contains)];
    }
}
