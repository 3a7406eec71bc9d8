using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.Commands;

/// <summary>Read models for the command API.</summary>
public sealed class CommandQueries(IDbContextFactory<TradingDbContext> contexts)
{
    public const int MaxListLimit = 500;

    // Compiled: a strategy waiting for an outcome asks for its command again and again.
    private static readonly Func<TradingDbContext, string, Task<CommandWithLogin?>> CommandById = EF.CompileAsyncQuery(
        (TradingDbContext db, string id) => (
                from command in db.Commands.AsNoTracking()
                join account in db.Accounts on command.AccountId equals account.Id
                where command.Id == id
                select new CommandWithLogin(command, account.Login))
            .SingleOrDefault());

    private static readonly Func<TradingDbContext, string, IAsyncEnumerable<CommandTransition>> TransitionsOf = EF.CompileAsyncQuery<TradingDbContext, string, CommandTransition>(
        (db, id) => db.CommandTransitions.AsNoTracking().Where(t => t.CommandId == id).OrderBy(t => t.At).ThenBy(t => t.Id));

    private sealed record CommandWithLogin(EaCommand Command, long Login);

    /// <summary>One command with its whole transition history, or null.</summary>
    public async Task<CommandView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await CommandById(db, id);
        if (found is null)
        {
            return null;
        }

        var transitions = new List<CommandEventView>();
        await foreach (var transition in TransitionsOf(db, id).WithCancellation(cancellationToken))
        {
            transitions.Add(transition.ToView());
        }
        return found.Command.ToView(found.Login, transitions);
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
