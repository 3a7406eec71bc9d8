using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.EaGateway.Ea;

/// <summary>An answer the EA can read: bytes from the EA-safe writer, written as they are.</summary>
public sealed class EaResult(int statusCode, ReadOnlyMemory<byte> body) : IResult
{
    public int StatusCode { get; } = statusCode;

    public static EaResult Ok(ReadOnlyMemory<byte> body) => new(StatusCodes.Status200OK, body);

    public static EaResult Error(EaError error) => new(error.StatusCode, EaResponses.Error(error));

    public static EaResult Error(int statusCode, string message) => new(statusCode, EaResponses.Error(message));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body);
    }
}
