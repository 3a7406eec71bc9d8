using Npgsql;
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
        // Raw Npgsql: one INSERT per log line on the ingest batch's own transaction, nothing to map.
        await using var insert = new NpgsqlCommand("""
            INSERT INTO ea_logs (account_id, level, message, details, received_at) VALUES ($1, $2, $3, $4, $5)
            """, context.Connection, context.Transaction);
        insert.Parameters
            .AddValue(context.Account.Id)
            .AddValue(EaWireNames.LogLevels.ToWire(log.Level))
            .AddValue(WithoutNul(log.Message))
            .AddValue(log.Info is null ? null : WithoutNul(log.Info))
            .AddValue(context.ReceivedAt.UtcDateTime);
        await insert.ExecuteNonQueryAsync();
        if (log.IsDisconnecting)
        {
            context.Writes.Connections.Disconnect(context.Account.Id, context.ReceivedAt, $"EA disconnecting: {log.Info}");
        }
    }

    /// <summary>The EA does not escape its strings; a NUL would make the row unstorable (PostgreSQL text cannot hold it).</summary>
    private static string WithoutNul(string text) => text.Replace('\0', ' ');
}
