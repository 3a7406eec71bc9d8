using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>POST /api/get_commands: the 50 ms command poll, <c>{"account":N,"api_key":"K"}</c>.</summary>
public sealed record GetCommandsRequest(long Account)
{
    public static EaParseResult<GetCommandsRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        return reader.Result(new GetCommandsRequest(reader.Account()));
    }
}
