using System.Text.Json;
using Microsoft.Extensions.Options;
using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaGateway.Telemetry;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Commands;

/// <summary>
/// Hands an EA its waiting commands, each at most once: the dequeue is one atomic Redis script that
/// also records the delivery for Core. The EA has no duplicate detection, so nothing here ever
/// re-sends a command.
/// </summary>
public sealed class CommandDispenser(
    RedisCommandQueue queue,
    CommandAvailability availability,
    IOptions<EaGatewayOptions> options,
    GatewayMetrics metrics,
    TimeProvider time,
    ILogger<CommandDispenser> logger)
{
    public async Task<ReadOnlyMemory<byte>> TakeAsync(AuthenticatedEa ea, string via)
    {
        if (!availability.MayHaveCommands(ea.Login))
        {
            metrics.PollAnsweredFromMemory();
            return EaResponses.NoCommands;
        }

        var checkedAt = time.GetUtcNow();
        var stored = await queue.DequeueAsync(ea.Login, ea.AccountId, options.Value.CommandsPerPoll, via, checkedAt);
        if (stored.Count == 0)
        {
            availability.MarkEmpty(ea.Login, checkedAt);
            return EaResponses.NoCommands;
        }

        // Core wrote each object with the EA-safe writer; re-reading it here keeps that guarantee checked
        // at the edge too. One that fails is skipped, not allowed to sink the whole poll: Core's response
        // timeout then settles it.
        var commands = new List<FlatCommand>(stored.Count);
        foreach (var json in stored)
        {
            using var document = JsonDocument.Parse(json);
            if (FlatCommand.TryFromJson(document.RootElement, out var command, out var problem))
            {
                commands.Add(command);
            }
            else
            {
                logger.LogError("Dropped a stored command for account {Login} that is not EA-safe: {Problem}", ea.Login, problem);
            }
        }
        metrics.CommandsDelivered(commands.Count);
        return EaResponses.Commands(commands);
    }
}
