using System.Text.Json;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/command_response: the result of one command. The EA never retries it. An empty
/// <see cref="CommandId"/> is accepted here (the EA echoes a numeric id as ""); the gateway answers
/// 404 "Command not found" for ids it does not know, like the legacy server.
/// </summary>
/// <param name="Response">The EA's raw result object, cloned so it outlives the request body.</param>
public sealed record CommandResponseRequest(long Account, string CommandId, CommandResultStatus Status, JsonElement Response)
{
    /// <summary><c>response.ticket</c> (OPEN/MODIFY/CLOSE results): links the trade to its command.</summary>
    public long? Ticket =>
        Response.ValueKind == JsonValueKind.Object
        && Response.TryGetProperty("ticket", out var ticket)
        && ticket.ValueKind == JsonValueKind.Number
        && ticket.TryGetInt64(out var value)
            ? value
            : null;

    /// <summary><c>response.error</c> of a failed command, if present.</summary>
    public string? ErrorText =>
        Response.ValueKind == JsonValueKind.Object
        && Response.TryGetProperty("error", out var error)
        && error.ValueKind == JsonValueKind.String
            ? error.GetString()
            : null;

    public static EaParseResult<CommandResponseRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        var account = reader.Account();
        var commandId = reader.Text("command_id", allowEmpty: true);
        var status = reader.Choice("status", EaWireNames.CommandResults);
        var response = reader.Object("response");
        return reader.Result(new CommandResponseRequest(
            account,
            commandId,
            status,
            response.ValueKind == JsonValueKind.Undefined ? default : response.Clone()));
    }
}
