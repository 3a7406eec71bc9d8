using Dapper;
using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>EA log lines; "EA disconnecting" is the deployed EA's only shutdown signal and ends the connection.</summary>
public sealed class LogHandler : IIngestHandler
{
    public string Kind => IngestKinds.Log;

    public async Task HandleAsync(IngestContext context)
    {
        var log = context.Parse(LogRequest.Parse);
        context.RequireAccount(log.Account);
        await context.Connection.ExecuteAsync("""
            INSERT INTO ea_logs (account_id, level, message, details, received_at) VALUES (@accountId, @level, @message, @details, @receivedAt)
            """, new
        {
            accountId = context.Account.Id,
            level = EaWireNames.LogLevels.ToWire(log.Level),
            message = WithoutNul(log.Message),
            details = log.Info is null ? null : WithoutNul(log.Info),
            receivedAt = context.ReceivedAt.UtcDateTime,
        }, context.Transaction);
        if (log.IsDisconnecting)
        {
            context.Writes.Connections.Disconnect(context.Account.Id, context.ReceivedAt, $"EA disconnecting: {log.Info}");
        }
    }

    /// <summary>The EA does not escape its strings; a NUL would make the row unstorable (PostgreSQL text cannot hold it).</summary>
    private static string WithoutNul(string text) => text.Replace('\0', ' ');
}
