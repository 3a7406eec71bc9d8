using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using NgTradingBot.Core.Ingest;

namespace NgTradingBot.Core.MarketData;

/// <summary>
/// The daily partitions of <c>ticks</c>, by the UTC day Core received a tick. A partition's name says what it holds:
/// <c>ticks_p20261203</c> that day, <c>ticks_before_20261203</c> everything before it (the ticks stored before
/// partitioning). Names are the bookkeeping, so nothing has to parse PostgreSQL's partition bounds.
/// </summary>
public static partial class TickPartitions
{
    /// <summary>Held (transaction- or session-level) by whoever creates or drops partitions, so several Core instances take turns.</summary>
    private const long LockKey = 7_390_002;

    /// <param name="Until">The first day the partition does not hold: it can be dropped once that day is past retention.</param>
    /// <param name="Attached">False for a table already detached (a drop that was interrupted).</param>
    public sealed record Partition(string Name, DateOnly? Day, DateOnly Until, bool Attached, bool DetachPending);

    public static string NameOf(DateOnly day) => "ticks_p" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static async Task<IReadOnlyList<Partition>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, i.inhrelid IS NOT NULL, coalesce(i.inhdetachpending, false)
              FROM pg_class c
              LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND i.inhparent = 'ticks'::regclass
             WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace AND c.relname ~ '^ticks_(p|before_)[0-9]{8}$'
            """, connection);
        var rows = await command.ReadAllAsync(row => (Name: row.GetString(0), Attached: row.GetBoolean(1), Pending: row.GetBoolean(2)));
        return [.. rows.Select(r => Parse(r.Name, r.Attached, r.Pending)).OfType<Partition>().OrderBy(p => p.Until)];
    }

    /// <summary>Creates the partitions of <paramref name="today"/> and the <paramref name="daysAhead"/> days after it that are missing.</summary>
    public static async Task<IReadOnlyList<string>> CreateAheadAsync(NpgsqlConnection connection, DateOnly today, int daysAhead,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var existing = await ListAsync(connection, cancellationToken);
        var coveredUntil = existing.Where(p => p.Attached && p.Day is null).Select(p => p.Until).DefaultIfEmpty(DateOnly.MinValue).Max();
        var created = new List<string>();
        for (var day = today; day <= today.AddDays(daysAhead); day = day.AddDays(1))
        {
            if (day < coveredUntil || existing.Any(p => p.Day == day && p.Attached))
            {
                continue;
            }

            var name = NameOf(day);
            await using var create = new NpgsqlCommand(
                $"CREATE TABLE {name} PARTITION OF ticks FOR VALUES FROM ('{Bound(day)}') TO ('{Bound(day.AddDays(1))}')", connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
            created.Add(name);
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// Drops every partition whose days all lie before <paramref name="keepFrom"/>. Each is detached CONCURRENTLY
    /// first, which never blocks the ingest's inserts into the table, then dropped; a drop interrupted halfway is
    /// finished on the next call. Returns nothing when another instance is at it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DropBeforeAsync(NpgsqlConnection connection, DateOnly keepFrom, CancellationToken cancellationToken)
    {
        await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection))
        {
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return [];
            }
        }

        try
        {
            var dropped = new List<string>();
            foreach (var partition in (await ListAsync(connection, cancellationToken)).Where(p => p.Until <= keepFrom))
            {
                if (partition.Attached)
                {
                    var detach = partition.DetachPending ? "FINALIZE" : "CONCURRENTLY";
                    await ExecuteAsync(connection, $"ALTER TABLE ticks DETACH PARTITION {partition.Name} {detach}", cancellationToken);
                }

                await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {partition.Name}", cancellationToken);
                dropped.Add(partition.Name);
            }

            return dropped;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static Partition? Parse(string name, bool attached, bool detachPending)
    {
        var match = PartitionName().Match(name);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["day"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        return match.Groups["kind"].Value == "p"
            ? new Partition(name, day, day.AddDays(1), attached, detachPending)
            : new Partition(name, null, day, attached, detachPending);
    }

    private static string Bound(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00+00";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^ticks_(?<kind>p|before_)(?<day>[0-9]{8})$")]
    private static partial Regex PartitionName();
}
