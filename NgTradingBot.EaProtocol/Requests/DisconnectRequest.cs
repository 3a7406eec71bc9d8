using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/disconnect (core design, section 12): a clean shutdown. The deployed EA never sends it; it
/// sends the log "EA disconnecting" instead.
/// </summary>
public sealed record DisconnectRequest(long Account)
{
    public static EaParseResult<DisconnectRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        return reader.Result(new DisconnectRequest(reader.Account()));
    }
}
