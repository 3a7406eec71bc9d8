using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.History;
using NgTradingBot.Core.Persistence;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// The filters of the cross-account command list: <c>?login=&amp;status=&amp;type=</c> plus the history lists' paging
/// (<see cref="PageQuery"/>: from/to on the creation time, limit, cursor).
/// </summary>
public sealed record CommandFilter(long? Login, string? Status, string? Type, string? From, string? To, string? Limit, string? Cursor)
{
    public PageQuery Page => new(From, To, Limit, Cursor);

    public string? NormalizedStatus => Status?.Trim().ToUpperInvariant();

    public string? NormalizedType => Type?.Trim().ToUpperInvariant();

    /// <summary>What is wrong with the filters, for a 400; null when they are usable.</summary>
    public string? Problem()
    {
        if (NormalizedStatus is { } status && !CommandStatuses.All.Contains(status))
        {
            return $"status must be one of {string.Join(", ", CommandStatuses.All)}";
        }

        if (NormalizedType is { } type && !CommandTypes.IsSupported(type))
        {
            return $"type must be one of {CommandRequestValidator.SupportedTypes}";
        }

        return Page.Problem();
    }
}

/// <summary>Every account's commands, newest first, for the operator's command list.</summary>
public sealed class CommandSearch(IDbContextFactory<TradingDbContext> contexts)
{
    public async Task<HistoryPage<CommandView>> FindAsync(CommandFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var page = filter.Page;
        var (status, type, since, until) = (filter.NormalizedStatus, filter.NormalizedType, page.FromTime, page.ToTime);
        var after = page.After?.Key;
        var rows = await (
                from command in db.Commands.AsNoTracking()
                join account in db.Accounts on command.AccountId equals account.Id
                where (filter.Login == null || account.Login == filter.Login)
                    && (status == null || command.Status == status)
                    && (type == null || command.Type == type)
                    && (since == null || command.CreatedAt >= since)
                    && (until == null || command.CreatedAt < until)
                    && (after == null || command.Sequence < after)
                orderby command.Sequence descending
                select new { command, account.Login })
            .Take(page.Size + 1)
            .ToListAsync(cancellationToken);
        var views = rows.Take(page.Size).Select(r => r.command.ToView(r.Login, null)).ToList();
        // The creation sequence orders the list and is the cursor: unique, so no tie-breaker is needed.
        var next = rows.Count > page.Size ? new PageCursor(rows[page.Size - 1].command.Sequence, 0).ToString() : null;
        return new HistoryPage<CommandView>(views, next);
    }
}
