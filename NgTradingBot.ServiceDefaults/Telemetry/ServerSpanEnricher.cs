using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace NgTradingBot.ServiceDefaults.Telemetry;

/// <summary>
/// ASP.NET Core's own server spans carry no attributes; OpenTelemetry's ASP.NET Core instrumentation
/// normally adds them but cannot be restored here. This sets the HTTP semantic-convention tags and a
/// "METHOD route" name, and drops health probes, which run every few seconds and would drown real requests.
/// </summary>
internal sealed class ServerSpanEnricher(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Activity.Current is not { } activity)
        {
            await next(context);
            return;
        }
        var path = context.Request.Path;
        if (path.StartsWithSegments(Extensions.HealthEndpointPath) || path.StartsWithSegments(Extensions.AlivenessEndpointPath))
        {
            activity.IsAllDataRequested = false;
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            activity.DisplayName = route is null ? context.Request.Method : $"{context.Request.Method} {route}";
            activity.SetTag("http.request.method", context.Request.Method);
            activity.SetTag("url.path", path.Value);
            activity.SetTag("url.scheme", context.Request.Scheme);
            activity.SetTag("server.port", context.Connection.LocalPort);
            activity.SetTag("http.route", route);
            activity.SetTag("http.response.status_code", context.Response.StatusCode);
            if (context.Response.StatusCode >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
    }
}
