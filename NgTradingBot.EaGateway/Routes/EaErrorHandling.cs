using Microsoft.AspNetCore.Diagnostics;
using NgTradingBot.EaGateway.Ea;
using Polly;
using StackExchange.Redis;

namespace NgTradingBot.EaGateway.Routes;

/// <summary>
/// Every answer is JSON the EA and an operator can read: unknown routes and wrong methods get a 4xx
/// with a message; a failing dependency (Redis, Core) a 503 that says which, never a bare 500.
/// </summary>
public static class EaErrorHandling
{
    public static WebApplication UseEaErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            await AnswerFor(error, context.RequestAborted.IsCancellationRequested).ExecuteAsync(context);
        }));
        // What UseStatusCodePages does for a bodiless 4xx/5xx (an unknown route, a wrong method), without the
        // feature and item dictionary it sets up on every one of the EA's requests.
        app.Use(async (http, next) =>
        {
            await next(http);
            var response = http.Response;
            if (response.HasStarted || response.StatusCode is < 400 or >= 600 || response.ContentLength is not null || !string.IsNullOrEmpty(response.ContentType))
            {
                return;
            }
            var message = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"Unknown route {http.Request.Method} {http.Request.Path}",
                StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}; the EA routes take POST",
                _ => $"Request failed with status {response.StatusCode}",
            };
            await EaResult.Error(response.StatusCode, message).ExecuteAsync(http);
        });
        return app;
    }

    /// <summary>
    /// The answer for an exception a route let through. Core's client gives up with Polly's rejections as well as with
    /// HttpClient's own errors: an open circuit breaker or a spent timeout is Core being unavailable too.
    /// </summary>
    public static EaResult AnswerFor(Exception? error, bool requestAborted) => error switch
    {
        RedisException or RedisTimeoutException => EaResult.Error(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable; nothing was stored, send again"),
        HttpRequestException or ExecutionRejectedException or TaskCanceledException when !requestAborted =>
            EaResult.Error(StatusCodes.Status503ServiceUnavailable, "Core service is unavailable; try again"),
        BadHttpRequestException bad => EaResult.Error(bad.StatusCode, bad.Message),
        _ => EaResult.Error(StatusCodes.Status500InternalServerError, "Internal error"),
    };
}
