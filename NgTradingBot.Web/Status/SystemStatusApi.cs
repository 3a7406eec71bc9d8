using NgTradingBot.Web.Access;

namespace NgTradingBot.Web.Status;

public static class SystemStatusApi
{
    public static IEndpointRouteBuilder MapSystemStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/system/status", GetSystemStatusAsync).RequireAuthorization(OperatorAccess.StatusReader);
        return app;
    }

    private static async Task<IResult> GetSystemStatusAsync(CoreStatusClient core, CancellationToken cancellationToken)
    {
        try
        {
            // The seeds' document as Core computed it from the stores: connections, commands, data, plus our ingest figures.
            return TypedResults.Ok(await core.GetSystemStatusAsync(cancellationToken));
        }
        catch (HttpRequestException ex)
        {
            return TypedResults.Json(new { status = "error", message = $"Core is not reachable: {ex.Message}" }, statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
