using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>Profit update (sent on every trade event): balance, equity and the period profits; margin and deposits are kept.</summary>
public sealed class ProfitUpdateHandler : IIngestHandler
{
    public string Kind => IngestKinds.ProfitUpdate;

    public Task HandleAsync(IngestContext context)
    {
        var update = context.Parse(ProfitUpdateRequest.Parse);
        context.RequireAccount(update.Account);
        context.Writes.AccountStates.Apply(context.Account.Id, context.ReceivedAt, brokerTime: null,
            update.Balance, update.Equity, margin: null, freeMargin: null, update.Profit, deposits: null);
        return Task.CompletedTask;
    }
}
