using System.Diagnostics;
using System.Text.Json;
using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaGateway.Telemetry;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Ingest;

/// <summary>
/// Hands an accepted request to Core through the Redis ingest stream. The EA gets its 200 only after
/// the append returned: Redis runs with AOF, so from then on the data survives a crash of any process.
/// </summary>
public sealed class IngestPublisher(IngestStream stream, RedisCommandQueue commands, GatewayMetrics metrics, TimeProvider time)
{
    public async Task PublishAsync(string kind, AuthenticatedEa ea, HttpContext context, JsonElement body)
    {
        var started = Stopwatch.GetTimestamp();
        await stream.AppendAsync(kind, Envelope(ea, context, body));
        metrics.HandedOff(kind, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The EA's answer to one of its own commands, appended in the same step as the ownership check; false when the command is not its own.</summary>
    public async Task<bool> PublishAnswerAsync(string wireId, AuthenticatedEa ea, HttpContext context, JsonElement body)
    {
        var started = Stopwatch.GetTimestamp();
        if (!await commands.AppendAnswerAsync(wireId, ea.Login, Envelope(ea, context, body)))
        {
            return false;
        }
        metrics.HandedOff(IngestKinds.CommandResponse, Stopwatch.GetElapsedTime(started));
        return true;
    }

    private byte[] Envelope(AuthenticatedEa ea, HttpContext context, JsonElement body) =>
        new IngestEnvelope(ea.Login, ea.AccountId, time.GetUtcNow(), context.Connection.RemoteIpAddress?.ToString(), body).ToBytes();
}
