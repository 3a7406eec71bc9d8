using Microsoft.AspNetCore.Http.HttpResults;
using NgTradingBot.Core.Api;

namespace NgTradingBot.Core.Commands;

/// <summary>The command API strategies use: create, inspect, list and cancel commands; operators resolve unknown outcomes.</summary>
public static class CommandsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 128;
    public const int DefaultListLimit = 50;

    public static IEndpointRouteBuilder MapCommandsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/accounts/{login}/commands", CreateAsync);
        app.MapGet("/api/accounts/{login}/commands", ListAsync);
        app.MapGet("/api/commands/{id}", GetAsync);
        app.MapPost("/api/commands/{id}/cancel", CancelAsync);
        app.MapPost("/api/commands/{id}/resolve", ResolveAsync);
        return app;
    }

    /// <summary>201 with the new command; 200 with the existing one when the Idempotency-Key was seen for this account.</summary>
    private static async Task<Results<Created<CommandView>, Ok<CommandView>, JsonHttpResult<ApiError>>> CreateAsync(
        long login, CreateCommandRequest request, HttpRequest http, CommandService commands, CancellationToken cancellationToken)
    {
        var idempotencyKey = http.Headers[IdempotencyKeyHeader].FirstOrDefault();
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl)))
        {
            return ApiError.BadRequest($"{IdempotencyKeyHeader} must be 1 to {MaxIdempotencyKeyLength} printable characters");
        }

        var result = await commands.CreateAsync(login, request, idempotencyKey, cancellationToken);
        return result.Outcome switch
        {
            CommandService.Outcome.Created => TypedResults.Created($"/api/commands/{result.Command!.Id}", result.Command),
            CommandService.Outcome.Existing => TypedResults.Ok(result.Command!),
            _ => ToError(result),
        };
    }

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

    private static async Task<Results<Ok<CommandView>, JsonHttpResult<ApiError>>> GetAsync(
        string id, CommandQueries queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(id, cancellationToken) is { } command ? TypedResults.Ok(command) : ApiError.NotFound($"Command {id} is not known");

    /// <summary>200 with the cancelled command; 409 once the command was delivered (the EA cannot be asked to forget it).</summary>
    private static async Task<Results<Ok<CommandView>, JsonHttpResult<ApiError>>> CancelAsync(
        string id, CommandService commands, CancellationToken cancellationToken)
    {
        var result = await commands.CancelAsync(id, cancellationToken);
        return result.Outcome is CommandService.Outcome.Cancelled or CommandService.Outcome.Existing
            ? TypedResults.Ok(result.Command!)
            : ToError(result);
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

    private static JsonHttpResult<ApiError> ToError(CommandService.Result result) => result.Outcome switch
    {
        CommandService.Outcome.NotFound => ApiError.NotFound(result.Message!),
        CommandService.Outcome.Invalid => ApiError.BadRequest(result.Message!),
        CommandService.Outcome.IdempotencyConflict => ApiError.Unprocessable(result.Message!),
        _ => ApiError.Conflict(result.Message!),
    };
}
