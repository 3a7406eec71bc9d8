using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>A clean shutdown announced through /api/disconnect (newer clients; the deployed EA logs "EA disconnecting" instead).</summary>
public sealed class DisconnectHandler : IIngestHandler
{
    public string Kind => IngestKinds.Disconnect;

    public Task HandleAsync(IngestContext context)
    {
        var request = context.Parse(DisconnectRequest.Parse);
        context.RequireAccount(request.Account);
        context.Writes.Connections.Disconnect(context.Account.Id, context.ReceivedAt, "disconnect request");
        return Task.CompletedTask;
    }
}
