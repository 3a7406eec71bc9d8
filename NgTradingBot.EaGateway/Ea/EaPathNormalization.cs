namespace NgTradingBot.EaGateway.Ea;

public static class EaPathNormalization
{
    /// <summary>
    /// The EA builds URLs as <c>ServerURL + "/api/..."</c>, so a ServerURL ending in a slash sends
    /// <c>//api/...</c> (contract section 1). Collapse the leading slashes before routing sees the path.
    /// </summary>
    public static WebApplication UseEaPathNormalization(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value is { } path && path.StartsWith("//", StringComparison.Ordinal))
            {
                context.Request.Path = "/" + path.TrimStart('/');
            }
            return next(context);
        });
        app.UseRouting();
        return app;
    }
}
