using Npgsql;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Commands;

namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>
/// The commands a batch's command-lane messages are about: locked once for the whole batch (in id order, so two
/// Core instances cannot deadlock on them), changed in memory in arrival order by the handlers, and written with the
/// batch's other writes: their new state, transitions and audit entries as one statement each. A batch
/// of deliveries and answers costs the same few round trips whatever its size.
/// </summary>
public sealed class CommandRows
{
    private const string Columns = """
        id, account_id, status, type, attempts, expires_at, flat_json, created_at, delivered_at, delivered_via, response_due_at,
        finished_at, stored_at, response::text, response_status, ticket, retry_at
        """;

    private readonly Dictionary<string, CommandRow?> _rows = new(StringComparer.Ordinal);
    private readonly List<CommandTransition> _transitions = [];
    private readonly List<AuditEvent> _audits = [];

    /// <summary>Locks and loads the commands not loaded yet (unknown ids are remembered as unknown).</summary>
    public async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<string> ids)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (AddLockTo(batch, ids))
        {
            await using var reader = await batch.ExecuteReaderAsync();
            await ReadLockedAsync(reader);
        }
    }

    /// <summary>Adds the locking read of the commands not loaded yet to <paramref name="batch"/>; false when there are none.</summary>
    public bool AddLockTo(NpgsqlBatch batch, IEnumerable<string> ids)
    {
        var missing = ids.Where(id => !_rows.ContainsKey(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length == 0)
        {
            return false;
        }

        batch.AddCommand($"SELECT {Columns} FROM commands WHERE id = ANY($1) ORDER BY id FOR UPDATE").AddValue(missing);
        foreach (var id in missing)
        {
            _rows[id] = null;
        }
        return true;
    }

    /// <summary>Reads the rows of the locking read <see cref="AddLockTo"/> added, from the reader's current result.</summary>
    public async Task ReadLockedAsync(NpgsqlDataReader reader)
    {
        while (await reader.ReadAsync())
        {
            var row = Read(reader);
            _rows[row.Id] = row;
        }
    }

    /// <summary>The command as this batch has it so far (locked), or null when it is not known.</summary>
    public async Task<CommandRow?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id)
    {
        await LockAsync(connection, transaction, [id]);
        return _rows[id];
    }

    public void Transition(CommandTransition transition) => _transitions.Add(transition);

    public void Audit(AuditEvent entry) => _audits.Add(entry);

    public void AddTo(NpgsqlBatch batch)
    {
        var changed = _rows.Values.Where(r => r is { Changed: true }).Select(r => r!).ToList();
        if (changed.Count > 0)
        {
            batch.AddCommand("""
                UPDATE commands c
                   SET status = u.status, attempts = u.attempts, delivered_at = u.delivered_at, delivered_via = u.delivered_via,
                       response_due_at = u.response_due_at, finished_at = u.finished_at, response = u.response::jsonb,
                       response_status = u.response_status, ticket = u.ticket, retry_at = u.retry_at, flat_json = u.flat_json,
                       stored_at = CASE WHEN u.stored_now THEN clock_timestamp() ELSE u.stored_at END
                  FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                       AS u(id, status, attempts, delivered_at, delivered_via, response_due_at, finished_at, response, response_status,
                            ticket, retry_at, flat_json, stored_now, stored_at)
                 WHERE c.id = u.id
                """)
                .AddValue(changed.Select(r => r.Id).ToArray())
                .AddValue(changed.Select(r => r.Status).ToArray())
                .AddValue(changed.Select(r => r.Attempts).ToArray())
                .AddValue(changed.Select(r => r.DeliveredAt?.ToUniversalTime()).ToArray())
                .AddValue(changed.Select(r => r.DeliveredVia).ToArray())
                .AddValue(changed.Select(r => r.ResponseDueAt?.ToUniversalTime()).ToArray())
                .AddValue(changed.Select(r => r.FinishedAt?.ToUniversalTime()).ToArray())
                .AddValue(changed.Select(r => r.Response).ToArray())
                .AddValue(changed.Select(r => r.ResponseStatus).ToArray())
                .AddValue(changed.Select(r => r.Ticket).ToArray())
                .AddValue(changed.Select(r => r.RetryAt?.ToUniversalTime()).ToArray())
                .AddValue(changed.Select(r => r.FlatJson).ToArray())
                .AddValue(changed.Select(r => r.StoredNow).ToArray())
                .AddValue(changed.Select(r => r.StoredAt?.ToUniversalTime()).ToArray());
        }

        CommandEvents.AddTo(batch, _transitions);
        foreach (var entry in _audits)
        {
            AuditLog.AddTo(batch, entry);
        }

        // Written: what is left is the locked state, which later messages of the same batch (or message) read on.
        foreach (var row in changed)
        {
            row.Changed = false;
            row.StoredNow = false;
        }
        _transitions.Clear();
        _audits.Clear();
    }

    private static CommandRow Read(NpgsqlDataReader row) => new()
    {
        Id = row.GetString(0),
        AccountId = row.GetInt64(1),
        Status = row.GetString(2),
        Type = row.GetString(3),
        Attempts = row.GetInt32(4),
        ExpiresAt = row.GetFieldValue<DateTimeOffset>(5),
        FlatJson = row.IsDBNull(6) ? null : row.GetString(6),
        CreatedAt = row.GetFieldValue<DateTimeOffset>(7),
        DeliveredAt = row.IsDBNull(8) ? null : row.GetFieldValue<DateTimeOffset>(8),
        DeliveredVia = row.IsDBNull(9) ? null : row.GetString(9),
        ResponseDueAt = row.IsDBNull(10) ? null : row.GetFieldValue<DateTimeOffset>(10),
        FinishedAt = row.IsDBNull(11) ? null : row.GetFieldValue<DateTimeOffset>(11),
        StoredAt = row.IsDBNull(12) ? null : row.GetFieldValue<DateTimeOffset>(12),
        Response = row.IsDBNull(13) ? null : row.GetString(13),
        ResponseStatus = row.IsDBNull(14) ? null : row.GetString(14),
        Ticket = row.IsDBNull(15) ? null : row.GetInt64(15),
        RetryAt = row.IsDBNull(16) ? null : row.GetFieldValue<DateTimeOffset>(16),
    };
}

/// <summary>A locked command row as a batch changes it; <see cref="Changed"/> rows are written back with the batch.</summary>
public sealed class CommandRow
{
    public required string Id { get; init; }
    public long AccountId { get; init; }
    public required string Status { get; set; }
    public required string Type { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset ExpiresAt { get; init; }
    public string? FlatJson { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? DeliveredVia { get; set; }
    public DateTimeOffset? ResponseDueAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateTimeOffset? StoredAt { get; set; }
    /// <summary>The answer is stored by this batch: <c>stored_at</c> becomes the write's own clock time.</summary>
    public bool StoredNow { get; set; }
    public string? Response { get; set; }
    public string? ResponseStatus { get; set; }
    public long? Ticket { get; set; }
    public DateTimeOffset? RetryAt { get; set; }
    public bool Changed { get; set; }
}
