using NgTradingBot.Core.Trades;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>One position update (OPEN, the 10 s re-sync, MODIFY or CLOSE), applied by <see cref="TradeUpdateRule"/>; a CLOSE is also kept as a realised part.</summary>
public sealed class TradeUpdateHandler : IIngestHandler
{
    public string Kind => IngestKinds.TradeUpdate;

    public async Task HandleAsync(IngestContext context)
    {
        var update = context.Parse(TradeUpdateRequest.Parse);
        context.RequireAccount(update.Account);
        var accountId = context.Account.Id;
        var stored = await TradeStore.GetForUpdateAsync(context.Connection, context.Transaction, accountId, update.Ticket);
        var row = TradeUpdateRule.Apply(stored, update);
        await TradeStore.UpsertAsync(context.Connection, context.Transaction, accountId, row);
        if (row.Status == TradeRow.Closed)
        {
            await TradeStore.RecordClosePartAsync(context.Connection, context.Transaction, accountId, update);
        }
        context.Effects = new
        {
            ticket = update.Ticket,
            status = row.Status,
            previous = stored?.Status,
            reopened = stored?.Status == TradeRow.Closed && row.Status == TradeRow.Open,
            closeReason = row.CloseReason,
        };
    }
}
