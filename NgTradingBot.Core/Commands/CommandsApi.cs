using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NgTradingBot.Core.Access;
using NgTradingBot.Core.Api;
using NgTradingBot.Core.History;

namespace NgTradingBot.Core.Commands;

/// <summary>The command API strategies use: create, follow (long poll or event stream), list and cancel commands; operators resolve unknown outcomes.</summary>
public static class CommandsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 128;
    public const int DefaultListLimit = 50;

    public static IEndpointRouteBuilder MapCommandsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/accounts/{login}/commands", CreateAsync).RequireAccountAccess(AccessPolicies.Trade);
        app.MapPost("/api/accounts/{login}/commands/batch", CreateBatchAsync).RequireAccountAccess(AccessPolicies.Trade);
        app.MapGet("/api/accounts/{login}/commands", ListAsync).RequireAccountAccess(AccessPolicies.ReadCommands);
        app.MapGet("/api/accounts/{login}/commands/events", CommandEventStream.StreamAsync).RequireAccountAccess(AccessPolicies.ReadCommands);
        app.MapGet("/api/commands", FindAsync).RequireAuthorization(AccessPolicies.Operator);
        app.MapGet("/api/commands/{id}", GetAsync).RequireAuthorization(AccessPolicies.ReadCommands);
        app.MapPost("/api/commands/{id}/cancel", CancelAsync).RequireAuthorization(AccessPolicies.Trade);
        app.MapPost("/api/commands/{id}/resolve", ResolveAsync).RequireAuthorization(AccessPolicies.Operator);
        return app;
    }

    /// <summary>201 with the new command; 200 with the existing one when the Idempotency-Key was seen for this account.</summary>
    private static async Task<Results<Created<CommandView>, Ok<CommandView>, JsonHttpResult<ApiError>>> CreateAsync(
        long login, CreateCommandRequest request, HttpRequest http, CommandService commands, CancellationToken cancellationToken)
    {
        var idempotencyKey = http.Headers[IdempotencyKeyHeader].FirstOrDefault();
        if (idempotencyKey is not null && IdempotencyKeyProblem(idempotencyKey, IdempotencyKeyHeader) is { } problem)
        {
            return ApiError.BadRequest(problem);
        }

        var result = await commands.CreateAsync(login, request, idempotencyKey, http.HttpContext.User.Name(), cancellationToken);
        return result.Outcome switch
        {
            CommandService.Outcome.Created => TypedResults.Created($"/api/commands/{result.Command!.Id}", result.Command),
            CommandService.Outcome.Existing => TypedResults.Ok(result.Command!),
            _ => ToError(result.Outcome, result.Message),
        };
    }

    /// <summary>
    /// 201 with the commands in the batch's order (a repeated key's command as it is now); 200 when every one was a
    /// repeat. Any refusal stores none of the batch.
    /// </summary>
    private static async Task<Results<Created<IReadOnlyList<CommandView>>, Ok<IReadOnlyList<CommandView>>, JsonHttpResult<ApiError>>> CreateBatchAsync(
        long login, CreateCommandBatchRequest request, HttpContext http, CommandBatches batches, CancellationToken cancellationToken)
    {
        var result = await batches.CreateAsync(login, request, http.User.Name(), cancellationToken);
        return result.Outcome switch
        {
            CommandService.Outcome.Created => TypedResults.Created($"/api/accounts/{login}/commands", result.Commands!),
            CommandService.Outcome.Existing => TypedResults.Ok(result.Commands!),
            _ => ToError(result.Outcome, result.Message),
        };
    }

    /// <summary>Why <paramref name="key"/> cannot be an idempotency key (named <paramref name="name"/> in the answer), or null.</summary>
    public static string? IdempotencyKeyProblem(string key, string name) =>
        key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)
            ? $"{name} must be 1 to {MaxIdempotencyKeyLength} printable characters"
            : null;

    private static async Task<Results<Ok<IReadOnlyList<CommandView>>, JsonHttpResult<ApiError>>> ListAsync(
        long login, string? status, int? limit, CommandQueries queries, CancellationToken cancellationToken)
    {
        var normalizedStatus = status?.Trim().ToUpperInvariant();
        if (normalizedStatus is not null && !CommandStatuses.All.Contains(normalizedStatus))
        {
            return ApiError.BadRequest($"status must be one of {string.Join(", ", CommandStatuses.All)}");
        }

        if (limit is not null and not (> 0 and <= CommandQueries.MaxListLimit))
        {
            return ApiError.BadRequest($"limit must be between 1 and {CommandQueries.MaxListLimit}");
        }

        var commands = await queries.ListAsync(login, normalizedStatus, limit ?? DefaultListLimit, cancellationToken);
        return commands is null ? ApiError.NotFound($"Account {login} is not known") : TypedResults.Ok(commands);
    }

    /// <summary>Every account's commands, newest first, narrowed by <see cref="CommandFilter"/>; the operator's, as it crosses accounts.</summary>
    private static async Task<Results<Ok<HistoryPage<CommandView>>, JsonHttpResult<ApiError>>> FindAsync(
        [AsParameters] CommandFilter filter, CommandSearch search, CancellationToken cancellationToken) =>
        filter.Problem() is { } problem ? ApiError.BadRequest(problem) : TypedResults.Ok(await search.FindAsync(filter, cancellationToken));

    /// <summary>With <c>?wait=30s</c>: answers once the command is final or the wait is over, whichever comes first.</summary>
    private static async Task<Results<Ok<CommandView>, JsonHttpResult<ApiError>>> GetAsync(
        string id, string? wait, ClaimsPrincipal caller, CommandQueries queries, CommandWaits waits, AccessRefusals refusals,
        HttpContext http, CancellationToken cancellationToken)
    {
        TimeSpan? waitFor = null;
        if (wait is not null && (waitFor = waits.ParseWait(wait, out var problem)) is null)
        {
            return ApiError.BadRequest(problem!);
        }

        var command = waitFor is { } time && time > TimeSpan.Zero
            ? await waits.GetAsync(id, time, cancellationToken)
            : await queries.GetAsync(id, cancellationToken);
        if (command is null)
        {
            return ApiError.NotFound($"Command {id} is not known");
        }
        return caller.MayAccess(command.Login) ? TypedResults.Ok(command) : await refusals.NotYourAccountAsync(http, command.Login);
    }

    /// <summary>200 with the cancelled command; 409 once the command was delivered (the EA cannot be asked to forget it).</summary>
    private static async Task<Results<Ok<CommandView>, JsonHttpResult<ApiError>>> CancelAsync(
        string id, ClaimsPrincipal caller, CommandQueries queries, CommandService commands, AccessRefusals refusals,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await queries.GetOwnerAsync(id, cancellationToken) is not { } login)
        {
            return ApiError.NotFound($"Command {id} is not known");
        }

        if (!caller.MayAccess(login))
        {
            return await refusals.NotYourAccountAsync(http, login);
        }

        var result = await commands.CancelAsync(id, caller.Name(), cancellationToken);
        return result.Outcome is CommandService.Outcome.Cancelled or CommandService.Outcome.Existing
            ? TypedResults.Ok(result.Command!)
            : ToError(result.Outcome, result.Message);
    }

    /// <summary>200 with the resolved command; 400 for a bad ruling, 404 unknown, 409 unless it is OUTCOME_UNKNOWN.</summary>
    private static async Task<Results<Ok<CommandView>, JsonHttpResult<ApiError>>> ResolveAsync(
        string id, ResolveCommandRequest request, ManualResolution resolution, CancellationToken cancellationToken)
    {
        var result = await resolution.ResolveAsync(id, request, cancellationToken);
        return result.Outcome switch
        {
            ManualResolution.Outcome.Resolved => TypedResults.Ok(result.Command!),
            ManualResolution.Outcome.Invalid => ApiError.BadRequest(result.Message!),
            ManualResolution.Outcome.NotFound => ApiError.NotFound(result.Message!),
            _ => ApiError.Conflict(result.Message!),
        };
    }

    private static JsonHttpResult<ApiError> ToError(CommandService.Outcome outcome, string? message) => outcome switch
    {
        CommandService.Outcome.NotFound => ApiError.NotFound(message!),
        CommandService.Outcome.Invalid => ApiError.BadRequest(message!),
        CommandService.Outcome.IdempotencyConflict => ApiError.Unprocessable(message!),
        _ => ApiError.Conflict(message!),
    };
}
