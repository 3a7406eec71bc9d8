using Microsoft.Extensions.Options;
using Npgsql;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Creates up to <see cref="CommandOptions.MaxBatchSize"/> commands for one account in one request: one statement
/// stores them all in their order (their FIFO place in a priority), one commit. All or nothing: a bad command or a
/// key already used for another command refuses the whole batch and stores none of it.
/// </summary>
public sealed class CommandBatches(NpgsqlDataSource database, CommandService commands, CommandQueries queries, IOptions<CommandOptions> options, TimeProvider clock)
{
    public sealed record Result(CommandService.Outcome Outcome, IReadOnlyList<CommandView>? Commands = null, string? Message = null);

    /// <returns><see cref="CommandService.Outcome.Created"/> when at least one command is new, <see cref="CommandService.Outcome.Existing"/> when every one was a repeat.</returns>
    public async Task<Result> CreateAsync(long login, CreateCommandBatchRequest request, string caller, CancellationToken cancellationToken)
    {
        var prepared = Prepare(request, caller, out var problem);
        if (prepared is null)
        {
            return new Result(CommandService.Outcome.Invalid, Message: problem);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(null, connection, transaction);
        var inserted = await CommandInserts.InsertAsync(insert, login, prepared, cancellationToken);
        if (inserted.Refusal(login) is { } refusal)
        {
            return new Result(refusal.Outcome, Message: refusal.Message);
        }

        // In one transaction: a conflict takes back the commands the statement stored.
        await using var read = new NpgsqlCommand(null, connection, transaction);
        var repeats = await CommandInserts.RepeatsAsync(read, inserted.AccountId!.Value, [.. prepared.Where(p => !inserted.Stored.ContainsKey(p.Id))], cancellationToken);
        if (repeats.Conflict is { } conflict)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new Result(CommandService.Outcome.IdempotencyConflict, Message: conflict);
        }

        await transaction.CommitAsync(cancellationToken);
        var stored = inserted.Stored;
        // Announced and queued all at once: the Redis calls go out pipelined on the shared connection.
        await Task.WhenAll(prepared.Where(p => stored.ContainsKey(p.Id)).Select(p => commands.QueueAsync(p, login, stored[p.Id].ExpiresAt, stored[p.Id].Sequence)));

        var views = new List<CommandView>(prepared.Count);
        foreach (var command in prepared)
        {
            views.Add(stored.TryGetValue(command.Id, out var row)
                ? command.View(login, row.CreatedAt, row.ExpiresAt)
                : (await queries.GetAsync(repeats.Ids[command.IdempotencyKey!], cancellationToken))!);
        }
        return new Result(stored.Count > 0 ? CommandService.Outcome.Created : CommandService.Outcome.Existing, views);
    }

    /// <summary>The batch's commands validated and formatted, or null with the first problem, named by its index.</summary>
    private List<PreparedCommand>? Prepare(CreateCommandBatchRequest request, string caller, out string? problem)
    {
        var max = options.Value.MaxBatchSize;
        problem = $"commands must hold 1 to {max} commands";
        if (request.Commands is not { Count: > 0 } items || items.Count > max)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var prepared = new List<PreparedCommand>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var command = item?.Command is { } body ? CommandRequestValidator.Validate(body, options.Value, now, out problem) : null;
            problem = item?.Command is null ? "command is required"
                : command is null ? problem
                : item.IdempotencyKey is { } key && CommandsApi.IdempotencyKeyProblem(key, "idempotencyKey") is { } keyProblem ? keyProblem
                : item.IdempotencyKey is { } repeated && !keys.Add(repeated) ? $"idempotencyKey {repeated} is given twice in the batch"
                : null;
            if (problem is not null)
            {
                problem = $"commands[{i}]: {problem}";
                return null;
            }
            prepared.Add(PreparedCommand.Of(command!, item!.IdempotencyKey, caller));
        }
        return prepared;
    }
}
