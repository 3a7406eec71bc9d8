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
    /// <summary>The get_commands answer: <c>{"commands":[...],"status":"success"}</c>, empty most of the time.</summary>
    public async Task<ReadOnlyMemory<byte>> TakeAsync(AuthenticatedEa ea, string via) =>
        await TakeCommandsAsync(ea, via) is { Count: > 0 } commands ? EaResponses.Commands(commands) : EaResponses.NoCommands;

    /// <summary>
    /// Up to <see cref="EaGatewayOptions.CommandsPerPoll"/> waiting commands, taken for good; <paramref name="via"/>
    /// names the path in the delivery record. Every path shares this one queue and script, so no command is
    /// handed out by two of them.
    /// </summary>
    public async Task<IReadOnlyList<FlatCommand>> TakeCommandsAsync(AuthenticatedEa ea, string via)
    {
        if (!availability.MayHaveCommands(ea.Login))
        {
            metrics.PollAnsweredFromMemory();
            return [];
        }

        var checkedAt = time.GetUtcNow();
        var stored = await queue.DequeueAsync(ea.Login, ea.AccountId, options.Value.CommandsPerPoll, via, checkedAt);
        if (stored.Count == 0)
        {
            availability.MarkEmpty(ea.Login, checkedAt);
            return [];
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
        metrics.CommandsDelivered(commands.Count, via);
        return commands;
    }
}
