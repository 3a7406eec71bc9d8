using Microsoft.Extensions.Options;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.Trades;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// One position update (OPEN, the 10 s re-sync, MODIFY or CLOSE), applied by <see cref="TradeUpdateRule"/>; a CLOSE is
/// also kept as a realised part. A position no command is linked to may be what an OUTCOME_UNKNOWN OPEN_TRADE opened:
/// <see cref="OutcomeResolver"/> looks at once.
/// </summary>
public sealed class TradeUpdateHandler(OutcomeResolver resolver, RedisCommandQueue queue, IOptions<CommandOptions> options, CommandMetrics metrics,
    CommandChanges changes) : IIngestHandler
{
    public string Kind => IngestKinds.TradeUpdate;

    public async Task HandleAsync(IngestContext context)
    {
        var update = context.Parse(TradeUpdateRequest.Parse);
        context.RequireAccount(update.Account);
        var accountId = context.Account.Id;
        var stored = await TradeStore.GetForUpdateAsync(context.Connection, context.Transaction, accountId, update.Ticket);
        var row = TradeUpdateRule.Apply(stored, update);
        var linked = await TradeStore.UpsertAsync(context.Connection, context.Transaction, accountId, row);
        if (stored is null && !linked)
        {
            // The command lane may be storing the answer that reports this ticket right now.
            context.Writes.PositionsToLink.Add((accountId, update.Ticket));
        }
        if (row.Status == TradeRow.Closed)
        {
            await TradeStore.RecordClosePartAsync(context.Connection, context.Transaction, accountId, update);
        }
        var resolved = row.CommandId is null ? await resolver.MatchAsync(context.Connection, context.Transaction, accountId) : [];
        if (resolved.Count > 0)
        {
            context.AfterCommit.Add(() => OutcomeSettled.RetireAsync(resolved, queue, options.Value, metrics, changes));
        }
        context.Effects = new
        {
            ticket = update.Ticket,
            status = row.Status,
            previous = stored?.Status,
            reopened = stored?.Status == TradeRow.Closed && row.Status == TradeRow.Open,
            closeReason = row.CloseReason,
            resolvedCommands = resolved.Count == 0 ? null : resolved.Select(r => r.CommandId).ToList(),
        };
    }
}
