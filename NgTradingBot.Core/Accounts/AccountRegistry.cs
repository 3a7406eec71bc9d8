using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Audit;
using NgTradingBot.EaProtocol.Keys;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Accounts;

/// <summary>
/// Registration and key issuing at connect. The EA sends no secret at connect (contract section 3),
/// so the login alone identifies it; what protects an account is the enrollment policy and the
/// operator's approve/block decisions, and the fact that a key is only ever stored as a hash.
/// </summary>
public sealed class AccountRegistry(
    NpgsqlDataSource dataSource,
    RedisAccountCredentials credentials,
    IOptions<EnrollmentOptions> options,
    ILogger<AccountRegistry> logger)
{
    private sealed record UpsertedAccount(long Id, string Broker, string Enrollment, bool Inserted);

    public async Task<ConnectOutcome> ConnectAsync(long login, string broker, IReadOnlyList<string> availableSymbols, string? remoteAddress,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var symbols = availableSymbols.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToArray();
        var initialEnrollment = settings.Policy == EnrollmentPolicy.Open ? AccountEnrollment.Active : AccountEnrollment.Pending;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The upsert locks the account row, so concurrent connects of one login issue keys one after the other.
        var account = await connection.QuerySingleAsync<UpsertedAccount>("""
            INSERT INTO accounts (login, broker, enrollment) VALUES (@login, @broker, @initialEnrollment)
            ON CONFLICT (login) DO UPDATE
                SET broker = CASE WHEN EXCLUDED.broker <> '' THEN EXCLUDED.broker ELSE accounts.broker END, updated_at = now()
            RETURNING id, broker, enrollment, (xmax = 0) AS inserted
            """, new { login, broker, initialEnrollment }, transaction);

        if (symbols.Length > 0)
        {
            // One statement for the whole list: brokers report every symbol they have, often thousands.
            await connection.ExecuteAsync("""
                INSERT INTO broker_symbols (broker, symbol) SELECT @broker, symbol FROM unnest(@symbols) AS s(symbol)
                ON CONFLICT DO NOTHING
                """, new { broker = account.Broker, symbols }, transaction);
        }

        if (account.Inserted)
        {
            await SubscribeDefaultsAsync(connection, transaction, account.Id, symbols, settings);
            await AuditLog.WriteAsync(connection, transaction, AuditLog.Ea, "account.registered", account.Id, login.ToString(),
                new { broker = account.Broker, enrollment = account.Enrollment, policy = settings.Policy.ToString(), remoteAddress });
        }

        if (account.Enrollment != AccountEnrollment.Active)
        {
            var detail = account.Enrollment == AccountEnrollment.Blocked ? "blocked by an operator" : "waiting for operator approval";
            await AddConnectionEventAsync(connection, transaction, account.Id, "connect_refused", remoteAddress is null ? detail : $"{detail}; from {remoteAddress}");
            await AuditLog.WriteAsync(connection, transaction, AuditLog.Ea, "account.connect_refused", account.Id, login.ToString(),
                new { enrollment = account.Enrollment, remoteAddress });
            if (account.Inserted)
            {
                // Known to the gateway as pending (not unknown) from the first connect on.
                await credentials.PublishAsync((await connection.QuerySingleAsync<AccountCredentialRow>(
                    $"SELECT {AccountCredentialRow.Columns} FROM accounts WHERE id = @Id", account, transaction)).ToCredential());
            }

            await transaction.CommitAsync(cancellationToken);
            return account.Enrollment == AccountEnrollment.Blocked ? ConnectOutcome.Blocked : ConnectOutcome.Pending;
        }

        var apiKey = ApiKeyGenerator.Generate();
        var credential = await connection.QuerySingleAsync<AccountCredentialRow>($"""
            UPDATE accounts
               SET previous_api_key_hash = api_key_hash,
                   previous_key_valid_until = CASE WHEN api_key_hash IS NULL THEN NULL ELSE now() + @grace END,
                   api_key_hash = @hash, api_key_issued_at = now(), updated_at = now()
             WHERE id = @id
            RETURNING {AccountCredentialRow.Columns}
            """, new { id = account.Id, hash = ApiKeyHasher.Hash(apiKey), grace = settings.KeyGracePeriod }, transaction);

        await connection.ExecuteAsync("""
            INSERT INTO connections (account_id, state, connected_at, last_seen_at, remote_address)
            VALUES (@id, 'connected', now(), now(), @remoteAddress)
            ON CONFLICT (account_id) DO UPDATE
                SET state = 'connected', connected_at = now(), last_seen_at = greatest(connections.last_seen_at, now()),
                    remote_address = coalesce(EXCLUDED.remote_address, connections.remote_address), updated_at = now()
            """, new { id = account.Id, remoteAddress }, transaction);
        await AddConnectionEventAsync(connection, transaction, account.Id, "connected", remoteAddress);
        await AuditLog.WriteAsync(connection, transaction, AuditLog.Ea, "account.connected", account.Id, login.ToString(),
            new { broker = account.Broker, remoteAddress, availableSymbols = symbols.Length });
        await AuditLog.WriteAsync(connection, transaction, AuditLog.Ea, "account.key_issued", account.Id, login.ToString(),
            new { previousKeyValidUntil = credential.PreviousKeyValidUntil });

        // Published while the row lock is held, so two racing connects reach Redis in the order they
        // committed; and before the key is returned, so the gateway accepts it from the EA's next request.
        await credentials.PublishAsync(credential.ToCredential());
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {Login} connected from {RemoteAddress}; new key issued", login, remoteAddress);
        return ConnectOutcome.Active(apiKey);
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

    internal static Task AddConnectionEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId, string @event, string? detail) =>
        connection.ExecuteAsync("INSERT INTO connection_events (account_id, event, detail) VALUES (@accountId, @event, @detail)",
            new { accountId, @event, detail }, transaction);

    private static async Task SubscribeDefaultsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId,
        string[] availableSymbols, EnrollmentOptions settings)
    {
        var subscriptions = DefaultSubscriptions(settings.EffectiveDefaultSymbols, availableSymbols).ToArray();
        await SymbolSubscriptions.ReplaceAsync(connection, transaction, accountId, subscriptions);
    }
}
