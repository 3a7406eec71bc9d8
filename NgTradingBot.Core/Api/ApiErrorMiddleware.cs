using Microsoft.AspNetCore.WebUtilities;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.Api;

/// <summary>
/// Makes every failure of the Core APIs answer with <see cref="ApiError"/> JSON: binding mistakes
/// (malformed JSON, a login that is not a number) become 400 instead of an empty body, a store that
/// is down or a schema still migrating becomes 503 (retryable) instead of 500, and empty 4xx answers
/// (unknown route, wrong method) get a message too.
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, SchemaMigrator migrator, ILogger<ApiErrorMiddleware> logger)
{
    private static readonly PathString[] ApiPrefixes = ["/api", "/internal"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPrefixes.Any(prefix => context.Request.Path.StartsWithSegments(prefix)))
        {
            await next(context);
            return;
        }

        if (!migrator.Completed.IsCompletedSuccessfully)
        {
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Core is still migrating its schema; retry shortly");
            return;
        }

        try
        {
            await next(context);
            if (context.Response is { HasStarted: false, StatusCode: >= 400, ContentLength: null, ContentType: null })
            {
                await WriteAsync(context, context.Response.StatusCode, ReasonPhrases.GetReasonPhrase(context.Response.StatusCode));
            }
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, ex.StatusCode, ex.Message);
        }
        catch (Exception ex) when (StoreFailures.IsTransient(ex) && !context.Response.HasStarted)
        {
            logger.LogWarning("{Method} {Path} failed because a store is unavailable: {Error}", context.Request.Method, context.Request.Path, ex.Message);
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "A store Core depends on is unavailable; retry shortly");
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal error; see the Core log");
        }
    }

    private static Task WriteAsync(HttpContext context, int statusCode, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new ApiError(message));
    }
}
