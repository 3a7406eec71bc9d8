using System.Text;
using System.Text.Json;
using NgTradingBot.Core.Accounts;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// A validated command with its id and everything its insert, its first transition and its queue entry need,
/// formatted once: <see cref="CommandService"/> stores one, <see cref="CommandBatches"/> many in one statement.
/// </summary>
public sealed record PreparedCommand(string Id, ValidatedCommand Command, string? IdempotencyKey, byte[] FlatJson, string Payload, string? Protection, string Detail)
{
    /// <param name="caller">Who asks (the operator, or a strategy key's id), kept in the first transition.</param>
    public static PreparedCommand Of(ValidatedCommand command, string? idempotencyKey, string caller)
    {
        var id = CommandIds.New();
        var detail = JsonSerializer.Serialize(new
        {
            priority = CommandPriority.Name(command.Priority), createdBy = command.CreatedBy, key = caller,
            expiresInSeconds = (int)command.ExpiresIn.TotalSeconds, protection = command.Protection,
        }, JsonSerializerOptions.Web);
        return new PreparedCommand(id, command, idempotencyKey, CommandService.FlatJson(command.ToFlatCommand(id)), command.PayloadJson(),
            command.Protection?.ToJson(), detail);
    }

    public string FlatText => Encoding.UTF8.GetString(FlatJson);

    /// <summary>True when <paramref name="type"/>, <paramref name="payload"/> and <paramref name="protection"/> (as stored) are this command's: a repeat, not a conflict.</summary>
    public bool IsRepeatOf(string type, bool samePayload, bool sameProtection) => type == Command.Type && samePayload && sameProtection;

    /// <summary>The command as stored: built from what the insert wrote instead of reading it back.</summary>
    public CommandView View(long login, DateTime createdAt, DateTime expiresAt)
    {
        var pending = new CommandEventView(createdAt, null, CommandStatuses.Pending, JsonDocument.Parse(Detail).RootElement.Clone());
        return new CommandView(Id, login, Command.Type, CommandPriority.Name(Command.Priority), CommandStatuses.Pending,
            JsonDocument.Parse(Payload).RootElement.Clone(), IdempotencyKey, Command.CreatedBy, createdAt, expiresAt,
            null, null, null, null, null, null, Command.Ticket, 0, null, CommandLatency.Of(createdAt, null, null, null), Command.Protection, [pending]);
    }
}
