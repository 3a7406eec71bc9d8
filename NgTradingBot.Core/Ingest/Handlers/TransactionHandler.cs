using Npgsql;
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
        // Raw Npgsql: one idempotent INSERT on the ingest batch's own transaction; only its row count is read.
        await using var insert = new NpgsqlCommand("""
            INSERT INTO account_transactions (account_id, ticket, transaction_type, amount, broker_time, comment, balance, received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (account_id, ticket) DO NOTHING
            """, context.Connection, context.Transaction);
        insert.Parameters
            .AddValue(context.Account.Id)
            .AddValue(deal.Ticket)
            .AddValue(EaWireNames.TransactionTypes.ToWire(deal.Type))
            .AddValue(deal.Amount)
            .AddValue(deal.Timestamp)
            .AddValue(deal.Comment.Replace('\0', ' '))
            .AddValue(deal.Balance)
            .AddValue(context.ReceivedAt.UtcDateTime);
        var inserted = await insert.ExecuteNonQueryAsync();
        context.Effects = new { ticket = deal.Ticket, inserted = inserted == 1 };
    }
}
