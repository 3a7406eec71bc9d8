using Npgsql;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Ingest;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// The one statement that stores new commands of one account, for a single create and a batch alike: the account's
/// check, the commands in their order (their FIFO place within a priority) and their first transitions. A command
/// whose idempotency key was used before is not stored; <see cref="RepeatsAsync"/> tells a repeat from a conflict.
/// </summary>
internal static class CommandInserts
{
    private const string InsertSql = """
        WITH account AS (SELECT id, enrollment FROM accounts WHERE login = $1),
        batch AS (
          SELECT * FROM unnest($2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[], $8::interval[], $9::bigint[],
                               $10::text[], $11::text[], $12::timestamptz[], $13::text[])
            WITH ORDINALITY AS b(id, type, priority, payload, idempotency_key, created_by, expires_in, ticket, flat_json, detail, ttl_deadline, protection, position)),
        inserted AS (
          INSERT INTO commands (id, account_id, type, priority, status, payload, idempotency_key, created_by, expires_at, ticket, flat_json, protection)
          SELECT b.id, a.id, b.type, b.priority, 'PENDING', b.payload::jsonb, b.idempotency_key, b.created_by, LEAST(now() + b.expires_in, b.ttl_deadline),
                 b.ticket, b.flat_json, b.protection::jsonb
          FROM batch b CROSS JOIN account a WHERE a.enrollment = 'active' ORDER BY b.position
          ON CONFLICT (account_id, idempotency_key) DO NOTHING
          RETURNING id, created_at, expires_at, sequence),
        created AS (
          INSERT INTO command_events (command_id, at, from_status, to_status, detail)
          SELECT i.id, i.created_at, NULL, 'PENDING', b.detail::jsonb FROM inserted i JOIN batch b ON b.id = i.id)
        SELECT a.id, a.enrollment, i.id, i.created_at, i.expires_at, i.sequence FROM account a LEFT JOIN inserted i ON true
        """;

    public sealed record Stored(DateTime CreatedAt, DateTime ExpiresAt, long Sequence);

    /// <param name="AccountId">Null when the login is not known (nothing stored).</param>
    /// <param name="Stored">By command id, those stored; none unless the account is active.</param>
    public sealed record Inserted(long? AccountId, string Enrollment, IReadOnlyDictionary<string, Stored> Stored)
    {
        /// <summary>Why nothing could be stored for this account (unknown, or not active), or null.</summary>
        public CommandService.Result? Refusal(long login) =>
            AccountId is null ? new CommandService.Result(CommandService.Outcome.NotFound, Message: $"Account {login} is not known")
            : Enrollment != AccountEnrollment.Active ? CommandService.NotActive(login, Enrollment)
            : null;
    }

    public sealed record Repeats(IReadOnlyDictionary<string, string> Ids, string? Conflict);

    /// <param name="insert">An empty command on the connection (and transaction) to use; atomic on its own without one.</param>
    public static async Task<Inserted> InsertAsync(NpgsqlCommand insert, long login, IReadOnlyList<PreparedCommand> prepared, CancellationToken cancellationToken)
    {
        insert.CommandText = InsertSql;
        insert.Parameters.AddValue(login)
            .AddValue(prepared.Select(p => p.Id).ToArray())
            .AddValue(prepared.Select(p => p.Command.Type).ToArray())
            .AddValue(prepared.Select(p => (short)p.Command.Priority).ToArray())
            .AddValue(prepared.Select(p => p.Payload).ToArray())
            .AddValue(prepared.Select(p => p.IdempotencyKey).ToArray())
            .AddValue(prepared.Select(p => p.Command.CreatedBy).ToArray())
            .AddValue(prepared.Select(p => p.Command.ExpiresIn).ToArray())
            .AddValue(prepared.Select(p => p.Command.Ticket).ToArray())
            .AddValue(prepared.Select(p => p.FlatText).ToArray())
            .AddValue(prepared.Select(p => p.Detail).ToArray())
            .AddValue(prepared.Select(p => p.Command.Protection?.TtlDeadline?.ToUniversalTime()).ToArray())
            .AddValue(prepared.Select(p => p.Protection).ToArray());

        var accountId = (long?)null;
        var enrollment = "";
        var stored = new Dictionary<string, Stored>(StringComparer.Ordinal);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            (accountId, enrollment) = (reader.GetInt64(0), reader.GetString(1));
            if (!reader.IsDBNull(2))
            {
                stored[reader.GetString(2)] = new Stored(reader.GetFieldValue<DateTime>(3), reader.GetFieldValue<DateTime>(4), reader.GetInt64(5));
            }
        }
        return new Inserted(accountId, enrollment, stored);
    }

    /// <summary>
    /// For each command not stored (its key was used before for this account; the insert waited for that commit), the
    /// id the key was used for; or the first whose earlier command differs, as the conflict's message.
    /// </summary>
    /// <param name="read">An empty command on the connection (and transaction) to use.</param>
    public static async Task<Repeats> RepeatsAsync(NpgsqlCommand read, long accountId, IReadOnlyList<PreparedCommand> notStored, CancellationToken cancellationToken)
    {
        if (notStored.Count == 0)
        {
            return new Repeats(new Dictionary<string, string>(), null);
        }

        read.CommandText = """
            SELECT b.key, c.id, c.type, c.payload = b.payload::jsonb, c.protection IS NOT DISTINCT FROM b.protection::jsonb
            FROM unnest($2::text[], $3::text[], $4::text[]) AS b(key, payload, protection)
            JOIN commands c ON c.account_id = $1 AND c.idempotency_key = b.key
            """;
        read.Parameters.AddValue(accountId).AddValue(notStored.Select(p => p.IdempotencyKey).ToArray())
            .AddValue(notStored.Select(p => p.Payload).ToArray()).AddValue(notStored.Select(p => p.Protection).ToArray());
        var found = (await read.ReadAllAsync(r => (Key: r.GetString(0), Id: r.GetString(1), Type: r.GetString(2), SamePayload: r.GetBoolean(3), SameProtection: r.GetBoolean(4))))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        var ids = found.ToDictionary(f => f.Key, f => f.Value.Id, StringComparer.Ordinal);
        var conflict = notStored.Select(c => (Command: c, Earlier: found[c.IdempotencyKey!]))
            .FirstOrDefault(p => !p.Command.IsRepeatOf(p.Earlier.Type, p.Earlier.SamePayload, p.Earlier.SameProtection));
        return new Repeats(ids, conflict.Command is null ? null : CommandService.IdempotencyConflict(conflict.Command.IdempotencyKey!, conflict.Earlier.Id));
    }
}
