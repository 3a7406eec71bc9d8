namespace NgTradingBot.EaGateway.Ea;

/// <summary>
/// Keeps each route on the port the deployed EA uses for it (ticks on 9901, trades on 9902, logs on
/// 9903, everything else on 9900), so a misrouted request gets a clear 404 instead of silently working.
/// </summary>
public sealed class LocalPortFilter(int port, string portName) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.LocalPort == port
            ? await next(context)
            : EaResult.Error(StatusCodes.Status404NotFound,
                $"{context.HttpContext.Request.Path} is served on the {portName} port {port}, not on {context.HttpContext.Connection.LocalPort}");
}
