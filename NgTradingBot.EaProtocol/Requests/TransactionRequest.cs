using System.Text.Json;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/transaction: one non-trading deal (deposit, credit, fee, ...). The EA re-sends the whole
/// history after every restart: deduplicate by <see cref="Ticket"/>. An amount of 0.00 is accepted (the
/// legacy server rejected it as falsy). <c>comment</c> is not escaped by the EA; parse with repair allowed.
/// </summary>
/// <param name="Amount">DEAL_PROFIT, signed (withdrawals negative).</param>
/// <param name="Timestamp">DEAL_TIME, broker seconds.</param>
/// <param name="Balance">The account balance when sent, not the balance after this deal.</param>
public sealed record TransactionRequest(
    long Account,
    long Ticket,
    TransactionType Type,
    decimal Amount,
    long Timestamp,
    string Comment,
    decimal Balance)
{
    public static EaParseResult<TransactionRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        return reader.Result(new TransactionRequest(
            reader.Account(),
            reader.Integer("ticket", min: 1),
            reader.Choice("transaction_type", EaWireNames.TransactionTypes),
            reader.Decimal("amount"),
            reader.Integer("timestamp", min: 0),
            reader.OptionalText("comment") ?? "",
            reader.Decimal("balance")));
    }
}
