using Microsoft.Extensions.Options;
using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaGateway.Commands;
using NgTradingBot.EaGateway.CoreApi;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.EaGateway.Heartbeat;

/// <summary>
/// The heartbeat answer: <c>{"status":"success"}</c>, with the subscription list when it must be recovered, or else
/// with waiting commands. Never both: the EA handles the list first (5.6), uploading a spec and history for every
/// symbol new to it inside the heartbeat, which would hold the commands back by seconds; they stay queued for the
/// next poll instead. Nothing to add leaves the answer byte for byte as the legacy server's.
/// </summary>
public sealed class HeartbeatAnswers(IOptions<HeartbeatOptions> options, SymbolRecovery recovery, CommandDispenser commands)
{
    public const string Via = "heartbeat";

    public async Task<ReadOnlyMemory<byte>> AnswerAsync(AuthenticatedEa ea, CoreEaClient core)
    {
        if (options.Value.RecoverSymbols && await recovery.TakeAsync(ea, core) is { } symbols)
        {
            return EaResponses.Heartbeat(symbols: symbols);
        }
        if (options.Value.DeliverCommands && await commands.TakeCommandsAsync(ea, Via) is { Count: > 0 } taken)
        {
            return EaResponses.Heartbeat(commands: taken);
        }
        return EaResponses.Success;
    }
}
