using System.Text.Json;
using Npgsql;
using NgTradingBot.Core.Commands;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// Written by Redis itself when a poll found a command past its deadline or its price guard and did not hand it
/// out: PENDING becomes EXPIRED with the dequeue's reason (a TTL, a price that moved too far, no quote to check it
/// against). A command settled otherwise meanwhile (cancelled, expired by the sweep) keeps its state.
/// </summary>
// Raw Npgsql on the ingest batch's own transaction, like the delivery record beside it.
public sealed class CommandExpiredHandler(CommandMetrics metrics, CommandChanges changes) : IIngestHandler
{
    public string Kind => IngestKinds.CommandExpired;

    public async Task HandleAsync(IngestContext context)
    {
        var wireId = context.CommandId ?? throw new IngestDataException("command_expired names no command");
        var (commandId, attempt) = CommandAttempts.Parse(wireId);
        var reason = context.Body.ValueKind == JsonValueKind.Object && context.Body.TryGetProperty("reason", out var text) ? text.GetString() : null;
        await using var update = new NpgsqlCommand("""
            UPDATE commands SET status = 'EXPIRED', finished_at = $3, retry_at = NULL
             WHERE id = $1 AND account_id = $2 AND status = 'PENDING' AND attempts + 1 = $4
            """, context.Connection, context.Transaction);
        update.Parameters.AddValue(commandId).AddValue(context.Account.Id).AddValue(context.ReceivedAt.UtcDateTime).AddValue(attempt);
        if (await update.ExecuteNonQueryAsync() == 0)
        {
            context.Effects = new { commandId, attempt, settledBefore = true };
            return;
        }

        await CommandEvents.WriteAsync(context.Connection, context.Transaction, CommandTransition.Of(commandId, CommandStatuses.Pending, CommandStatuses.Expired,
            new { reason, at = "delivery", attempt, wireId }, context.ReceivedAt));
        context.Effects = new { commandId, attempt, reason };
        var login = context.Account.Login;
        context.AfterCommit.Add(async () =>
        {
            metrics.Transitioned(CommandStatuses.Expired);
            await changes.PublishAsync(commandId, login, CommandStatuses.Expired);
        });
    }
}
