using System.Text.Json;
using Npgsql;
using NgTradingBot.Core.Ingest.Writes;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// What a handler gets for one message: the open batch transaction, the envelope and its account, the
/// batch's gathered writes, a place for the effects recorded in the receipt, and actions to run only
/// once the batch committed (anything outside PostgreSQL must not happen for a batch that rolls back).
/// </summary>
public sealed class IngestContext(
    NpgsqlConnection connection,
    NpgsqlTransaction transaction,
    IngestMessage message,
    IngestAccount account,
    IngestWrites writes,
    Action<IngestAccount> updateAccount)
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    public string MessageId => message.Id;

    public string? CommandId => message.CommandId;

    public IngestEnvelope Envelope => message.Envelope!;

    public JsonElement Body => message.Envelope!.Body;

    public DateTimeOffset ReceivedAt => message.Envelope!.ReceivedAt;

    public IngestAccount Account { get; private set; } = account;

    public IngestWrites Writes => writes;

    /// <summary>Stored as the receipt's effects: what this message changed.</summary>
    public object? Effects { get; set; }

    public List<Func<Task>> AfterCommit { get; } = [];

    /// <summary>Parses the body with the request model the gateway validated it with; a failure is a dead letter.</summary>
    public T Parse<T>(Func<JsonElement, EaParseResult<T>> parse) where T : class
    {
        var result = parse(Body);
        return result.IsSuccess ? result.Value : throw new IngestDataException($"invalid body: {result.Error.Message}");
    }

    /// <summary>The body's account must be the one the gateway authenticated.</summary>
    public void RequireAccount(long login)
    {
        if (login != Account.Login)
        {
            throw new IngestDataException($"body account {login} is not the authenticated account {Account.Login}");
        }
    }

    public void UpdateBrokerOffset(int offsetSeconds)
    {
        Account = Account with { BrokerOffsetSeconds = offsetSeconds };
        updateAccount(Account);
    }
}
