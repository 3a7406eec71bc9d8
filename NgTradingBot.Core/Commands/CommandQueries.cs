using Dapper;
using Npgsql;

namespace NgTradingBot.Core.Commands;

/// <summary>Read models for the command API.</summary>
public sealed class CommandQueries(NpgsqlDataSource dataSource)
{
    public const int MaxListLimit = 500;

    /// <summary>One command with its whole transition history, or null.</summary>
    public async Task<CommandView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CommandRow>($"{CommandRow.Select} WHERE c.id = @id", new { id });
        if (row is null)
        {
            return null;
        }

        var events = await connection.QueryAsync<CommandEventRow>("""
            SELECT at, from_status, to_status, detail::text AS detail FROM command_events WHERE command_id = @id ORDER BY at, id
            """, new { id });
        return row.ToView([.. events.Select(e => e.ToView())]);
    }

    /// <summary>An account's commands, newest first; null when the login is unknown.</summary>
    public async Task<IReadOnlyList<CommandView>?> ListAsync(long login, string? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var accountId = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM accounts WHERE login = @login", new { login });
        if (accountId is null)
        {
            return null;
        }

        var rows = await connection.QueryAsync<CommandRow>($"""
            {CommandRow.Select}
             WHERE c.account_id = @accountId AND (@status::text IS NULL OR c.status = @status)
             ORDER BY c.created_at DESC, c.id
             LIMIT @limit
            """, new { accountId, status, limit });
        return [.. rows.Select(r => r.ToView(null))];
    }
}
