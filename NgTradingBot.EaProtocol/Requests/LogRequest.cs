using System.Text.Json;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/log: <c>{"level":"INFO","message":"...","details":{"info":"..."}}</c>. The texts are not
/// escaped by the EA; parse with repair allowed. "EA disconnecting" is the EA's only shutdown signal.
/// </summary>
/// <param name="Info">details.info, or null when details is absent.</param>
public sealed record LogRequest(long Account, EaLogLevel Level, string Message, string? Info)
{
    public const string DisconnectingMessage = "EA disconnecting";

    public bool IsDisconnecting => Message == DisconnectingMessage;

    public static EaParseResult<LogRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        var account = reader.Account();
        var level = reader.Choice("level", EaWireNames.LogLevels);
        var message = reader.Text("message");
        string? info = null;
        if (reader.OptionalObject("details") is { } details)
        {
            var detailsReader = reader.Child("details", details);
            info = detailsReader.OptionalText("info");
            reader.Adopt(detailsReader);
        }

        return reader.Result(new LogRequest(account, level, message, info));
    }
}
