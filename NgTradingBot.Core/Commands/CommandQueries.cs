using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.Commands;

/// <summary>Read models for the command API.</summary>
public sealed class CommandQueries(IDbContextFactory<TradingDbContext> contexts)
{
    public const int MaxListLimit = 500;

    // Compiled, and one round trip with the history joined in: a strategy waiting for an outcome asks for its command again and again.
    private static readonly Func<TradingDbContext, string, Task<CommandWithHistory?>> CommandById = EF.CompileAsyncQuery(
        (TradingDbContext db, string id) => (
                from command in db.Commands.AsNoTracking()
                join account in db.Accounts on command.AccountId equals account.Id
                where command.Id == id
                select new CommandWithHistory(command, account.Login,
                    db.CommandTransitions.AsNoTracking().Where(t => t.CommandId == command.Id).OrderBy(t => t.At).ThenBy(t => t.Id).ToList()))
            .SingleOrDefault());

    // Compiled: the ids go as one array parameter (id = ANY), one statement and no query-cache lookup whatever their count.
    private static readonly Func<TradingDbContext, string[], IAsyncEnumerable<CommandWithLogin>> CommandsByIds = EF.CompileAsyncQuery(
        (TradingDbContext db, string[] ids) =>
            from command in db.Commands.AsNoTracking()
            join account in db.Accounts on command.AccountId equals account.Id
            where ids.Contains(command.Id)
            select new CommandWithLogin(command, account.Login));

    private static readonly Func<TradingDbContext, string, Task<string?>> StatusById = EF.CompileAsyncQuery(
        (TradingDbContext db, string id) => db.Commands.Where(c => c.Id == id).Select(c => c.Status).SingleOrDefault());

    private sealed record CommandWithLogin(EaCommand Command, long Login);

    private sealed record CommandWithHistory(EaCommand Command, long Login, List<CommandTransition> Transitions);

    /// <summary>One command with its whole transition history, or null.</summary>
    public async Task<CommandView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await CommandById(db, id);
        return found?.Command.ToView(found.Login, [.. found.Transitions.Select(t => t.ToView())]);
    }

    /// <summary>Those of <paramref name="ids"/> that are known, each without its history, in one read.</summary>
    public async Task<IReadOnlyDictionary<string, CommandView>> GetWithoutHistoryAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await CommandsByIds(db, [.. ids]).ToListAsync(cancellationToken);
        return found.ToDictionary(f => f.Command.Id, f => f.Command.ToView(f.Login, null));
    }

    /// <summary>Only the command's state (a fifth of the cost of <see cref="GetAsync"/>), or null when it is not known.</summary>
    public async Task<string?> GetStatusAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await StatusById(db, id);
    }

    /// <summary>The login of the account a command belongs to, or null when the command is not known.</summary>
    public async Task<long?> GetOwnerAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Commands.Where(c => c.Id == id).Join(db.Accounts, c => c.AccountId, a => a.Id, (c, a) => (long?)a.Login)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> AccountExistsAsync(long login, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Accounts.AnyAsync(a => a.Login == login, cancellationToken);
    }

    /// <summary>An account's commands, newest first; null when the login is unknown.</summary>
    public async Task<IReadOnlyList<CommandView>?> ListAsync(long login, string? status, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accountId = await db.Accounts.Where(a => a.Login == login).Select(a => (long?)a.Id).SingleOrDefaultAsync(cancellationToken);
        if (accountId is null)
        {
            return null;
        }

        var commands = await db.Commands.AsNoTracking()
            .Where(c => c.AccountId == accountId && (status == null || c.Status == status))
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. commands.Select(c => c.ToView(login, null))];
    }
}
