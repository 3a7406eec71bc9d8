using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using NgTradingBot.Core.Api;

namespace NgTradingBot.Core.Access;

/// <summary>The operator's key management: strategy keys are created, listed, rotated and revoked here.</summary>
public static partial class KeysApi
{
    public sealed record CreateKeyRequest(string? Name, IReadOnlyList<string>? Scopes, IReadOnlyList<long>? Accounts);

    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").RequireAuthorization(AccessPolicies.Operator);
        api.MapPost("/", CreateAsync);
        api.MapGet("/", ListAsync);
        api.MapPost("/{id}/rotate", RotateAsync);
        api.MapPost("/{id}/revoke", RevokeAsync);
        return app;
    }

    /// <summary>201 with the key's secret, shown this once.</summary>
    private static async Task<Results<Created<StrategyKeys.IssuedKey>, JsonHttpResult<ApiError>>> CreateAsync(
        CreateKeyRequest request, StrategyKeys keys, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } problem)
        {
            return ApiError.BadRequest(problem);
        }

        var issued = await keys.CreateAsync(request.Name!, request.Scopes!.Distinct().ToList(), request.Accounts?.Distinct().ToList(), cancellationToken);
        return TypedResults.Created($"/api/keys/{issued.Key.Id}", issued);
    }

    private static async Task<Ok<IReadOnlyList<StrategyKeys.KeyView>>> ListAsync(StrategyKeys keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    /// <summary>A new secret for the key; the old one stops working at once on this instance, within Access:KeyCacheFor elsewhere.</summary>
    private static async Task<Results<Ok<StrategyKeys.IssuedKey>, JsonHttpResult<ApiError>>> RotateAsync(
        string id, StrategyKeys keys, CancellationToken cancellationToken) =>
        await keys.RotateAsync(id, cancellationToken) is { } issued ? TypedResults.Ok(issued) : ApiError.NotFound($"Key {id} is not known or was revoked");

    private static async Task<Results<Ok<StrategyKeys.KeyView>, JsonHttpResult<ApiError>>> RevokeAsync(
        string id, StrategyKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, cancellationToken) is { } key ? TypedResults.Ok(key) : ApiError.NotFound($"Key {id} is not known");

    /// <summary>Why the request cannot become a key, or null.</summary>
    public static string? Validate(CreateKeyRequest request)
    {
        if (request.Name is null || !KeyName().IsMatch(request.Name))
        {
            return $"name must be 1 to {StrategyKeys.MaxNameLength} letters, digits, spaces or - _ . : / ( ) # @";
        }

        if (request.Scopes is not { Count: > 0 } || request.Scopes.Any(s => !AccessRoles.Scopes.Contains(s)))
        {
            return $"scopes must list one or more of {string.Join(", ", AccessRoles.Scopes)}";
        }

        if (request.Accounts is { } accounts && (accounts.Count is 0 or > StrategyKeys.MaxLogins || accounts.Any(login => login <= 0)))
        {
            return $"accounts must list 1 to {StrategyKeys.MaxLogins} positive logins, or be left out for every account";
        }

        return null;
    }

    [GeneratedRegex(@"^[\p{L}\p{N} _.:/()#@-]{1,100}$")]
    private static partial Regex KeyName();
}
