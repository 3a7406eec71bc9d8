using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NgTradingBot.Core.Api;
using NgTradingBot.Core.Audit;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.Access;

/// <summary>
/// Every refusal of a caller: a 401 (no key, or one Core does not know) or 403 (a key that may not do this) with
/// a JSON reason, and an audit entry saying who was refused what and why.
/// </summary>
public sealed class AccessRefusals(IDbContextFactory<TradingDbContext> contexts, ILogger<AccessRefusals> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var failure = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure?.Message;
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, failure ?? "This route needs a key: send 'Authorization: Bearer <key>'");
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "This key may not use this route";
            await RefuseAsync(context, StatusCodes.Status403Forbidden, reason);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>Answers the refusal and audits it; an audit that cannot be written is logged, and the caller is still refused.</summary>
    public async Task RefuseAsync(HttpContext context, int statusCode, string reason, long? accountId = null)
    {
        await AuditAsync(context, statusCode, reason, accountId);
        await ApiError.Of(statusCode, reason).ExecuteAsync(context);
    }

    /// <summary>A strategy key acting on an account it was not issued for: audited, and the 403 to answer with.</summary>
    public async Task<JsonHttpResult<ApiError>> NotYourAccountAsync(HttpContext context, long login)
    {
        var reason = CallerAccess.NotYourAccount(login);
        await AuditAsync(context, StatusCodes.Status403Forbidden, reason);
        return ApiError.Of(StatusCodes.Status403Forbidden, reason);
    }

    public async Task AuditAsync(HttpContext context, int statusCode, string reason, long? accountId = null)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
            db.AuditEvents.Add(AuditEvent.Of(context.User.Name(), "access.refused", accountId, $"{context.Request.Method} {context.Request.Path}",
                new { status = statusCode, reason, remoteAddress = context.Connection.RemoteIpAddress?.ToString() }));
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or OperationCanceledException)
        {
            logger.LogWarning("Could not audit a refused {Method} {Path}: {Error}", context.Request.Method, context.Request.Path, ex.Message);
        }
    }
}
