using Dapper;
using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// Non-trading deals (deposits, fees, ...). The EA resends its whole history after every restart, so
/// a ticket already stored is skipped; an amount of 0 is a real deal and is stored.
/// </summary>
public sealed class TransactionHandler : IIngestHandler
{
    public string Kind => IngestKinds.Transaction;

    public async Task HandleAsync(IngestContext context)
    {
        var deal = context.Parse(TransactionRequest.Parse);
        context.RequireAccount(deal.Account);
        var inserted = await context.Connection.ExecuteAsync("""
            INSERT INTO account_transactions (account_id, ticket, transaction_type, amount, broker_time, comment, balance, received_at)
            VALUES (@accountId, @Ticket, @type, @Amount, @Timestamp, @comment, @Balance, @receivedAt)
            ON CONFLICT (account_id, ticket) DO NOTHING
            """, new
        {
            accountId = context.Account.Id,
            deal.Ticket,
            type = EaWireNames.TransactionTypes.ToWire(deal.Type),
            deal.Amount,
            deal.Timestamp,
            comment = deal.Comment.Replace('\0', ' '),
            deal.Balance,
            receivedAt = context.ReceivedAt.UtcDateTime,
        }, context.Transaction);
        context.Effects = new { ticket = deal.Ticket, inserted = inserted == 1 };
    }
}
