using Microsoft.Extensions.Options;
using Npgsql;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Ingest;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Creates up to <see cref="CommandOptions.MaxBatchSize"/> commands for one account in one request: one statement
/// stores them all in their order (their FIFO place in a priority), one commit. All or nothing: a bad command or a
/// key already used for another command refuses the whole batch and stores none of it.
/// </summary>
public sealed class CommandBatches(NpgsqlDataSource database, CommandService commands, CommandQueries queries, IOptions<CommandOptions> options, TimeProvider clock)
{
    public sealed record Result(CommandService.Outcome Outcome, IReadOnlyList<CommandView>? Commands = null, string? Message = null);

    private sealed record Stored(DateTime CreatedAt, DateTime ExpiresAt, long Sequence);

    /// <returns><see cref="CommandService.Outcome.Created"/> when at least one command is new, <see cref="CommandService.Outcome.Existing"/> when every one was a repeat.</returns>
    public async Task<Result> CreateAsync(long login, CreateCommandBatchRequest request, string caller, CancellationToken cancellationToken)
    {
        var prepared = Prepare(request, caller, out var problem);
        if (prepared is null)
        {
            return new Result(CommandService.Outcome.Invalid, Message: problem);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("""
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
            """, connection, transaction);
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
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                (accountId, enrollment) = (reader.GetInt64(0), reader.GetString(1));
                if (!reader.IsDBNull(2))
                {
                    stored[reader.GetString(2)] = new Stored(reader.GetFieldValue<DateTime>(3), reader.GetFieldValue<DateTime>(4), reader.GetInt64(5));
                }
            }
        }

        if (accountId is null)
        {
            return new Result(CommandService.Outcome.NotFound, Message: $"Account {login} is not known");
        }

        if (enrollment != AccountEnrollment.Active)
        {
            var refusal = CommandService.NotActive(login, enrollment);
            return new Result(refusal.Outcome, Message: refusal.Message);
        }

        // Not stored: its key was seen for this account. A repeat of the same command is that command; another is a conflict.
        var existing = await RepeatsAsync(connection, transaction, accountId.Value, prepared.Where(p => !stored.ContainsKey(p.Id)).ToList(), cancellationToken);
        if (existing.Conflict is { } conflict)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new Result(CommandService.Outcome.IdempotencyConflict, Message: conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        // Announced and queued all at once: the Redis calls go out pipelined on the shared connection.
        await Task.WhenAll(prepared.Where(p => stored.ContainsKey(p.Id)).Select(p => commands.QueueAsync(p, login, stored[p.Id].ExpiresAt, stored[p.Id].Sequence)));

        var views = new List<CommandView>(prepared.Count);
        foreach (var command in prepared)
        {
            views.Add(stored.TryGetValue(command.Id, out var row)
                ? command.View(login, row.CreatedAt, row.ExpiresAt)
                : (await queries.GetAsync(existing.Ids[command.IdempotencyKey!], cancellationToken))!);
        }
        return new Result(stored.Count > 0 ? CommandService.Outcome.Created : CommandService.Outcome.Existing, views);
    }

    /// <summary>The batch's commands validated and formatted, or null with the first problem, named by its index.</summary>
    private List<PreparedCommand>? Prepare(CreateCommandBatchRequest request, string caller, out string? problem)
    {
        var max = options.Value.MaxBatchSize;
        problem = $"commands must hold 1 to {max} commands";
        if (request.Commands is not { Count: > 0 } items || items.Count > max)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var prepared = new List<PreparedCommand>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var command = item?.Command is { } body ? CommandRequestValidator.Validate(body, options.Value, now, out problem) : null;
            problem = item?.Command is null ? "command is required"
                : command is null ? problem
                : item.IdempotencyKey is { } key && CommandsApi.IdempotencyKeyProblem(key, "idempotencyKey") is { } keyProblem ? keyProblem
                : item.IdempotencyKey is { } repeated && !keys.Add(repeated) ? $"idempotencyKey {repeated} is given twice in the batch"
                : null;
            if (problem is not null)
            {
                problem = $"commands[{i}]: {problem}";
                return null;
            }
            prepared.Add(PreparedCommand.Of(command!, item!.IdempotencyKey, caller));
        }
        return prepared;
    }

    private sealed record Repeats(IReadOnlyDictionary<string, string> Ids, string? Conflict);

    /// <summary>For each command whose key was used before, the id it was used for; or the first whose earlier command differs.</summary>
    private static async Task<Repeats> RepeatsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long accountId,
        List<PreparedCommand> notStored, CancellationToken cancellationToken)
    {
        if (notStored.Count == 0)
        {
            return new Repeats(new Dictionary<string, string>(), null);
        }

        await using var read = new NpgsqlCommand("""
            SELECT b.key, c.id, c.type, c.payload = b.payload::jsonb, c.protection IS NOT DISTINCT FROM b.protection::jsonb
            FROM unnest($2::text[], $3::text[], $4::text[]) AS b(key, payload, protection)
            JOIN commands c ON c.account_id = $1 AND c.idempotency_key = b.key
            """, connection, transaction);
        read.Parameters.AddValue(accountId).AddValue(notStored.Select(p => p.IdempotencyKey).ToArray())
            .AddValue(notStored.Select(p => p.Payload).ToArray()).AddValue(notStored.Select(p => p.Protection).ToArray());
        var found = (await read.ReadAllAsync(r => (Key: r.GetString(0), Id: r.GetString(1), Type: r.GetString(2), SamePayload: r.GetBoolean(3), SameProtection: r.GetBoolean(4))))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var command in notStored)
        {
            var earlier = found[command.IdempotencyKey!];
            if (!command.IsRepeatOf(earlier.Type, earlier.SamePayload, earlier.SameProtection))
            {
                return new Repeats(found.ToDictionary(f => f.Key, f => f.Value.Id), CommandService.IdempotencyConflict(command.IdempotencyKey!, earlier.Id));
            }
        }
        return new Repeats(found.ToDictionary(f => f.Key, f => f.Value.Id), null);
    }
}
