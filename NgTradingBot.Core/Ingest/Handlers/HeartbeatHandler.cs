using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>Heartbeat: liveness counters and the full account snapshot, deposits included.</summary>
public sealed class HeartbeatHandler : IIngestHandler
{
    public string Kind => IngestKinds.Heartbeat;

    public Task HandleAsync(IngestContext context)
    {
        var heartbeat = context.Parse(HeartbeatRequest.Parse);
        context.RequireAccount(heartbeat.Account);
        var accountId = context.Account.Id;
        context.Writes.Connections.Heartbeat(accountId, context.ReceivedAt, heartbeat.Timestamp);
        var snapshot = heartbeat.Snapshot;
        context.Writes.AccountStates.Apply(accountId, context.ReceivedAt, heartbeat.Timestamp,
            snapshot.Balance, snapshot.Equity, snapshot.Margin, snapshot.FreeMargin, heartbeat.Profit, heartbeat.Deposits);
        return Task.CompletedTask;
    }
}
