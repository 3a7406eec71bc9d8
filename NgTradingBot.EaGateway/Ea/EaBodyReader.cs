using Microsoft.AspNetCore.Http.Features;
using NgTradingBot.EaProtocol.Decoding;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaGateway.Ea;

/// <summary>
/// Reads an EA body whatever its Content-Type, within the route's size limit, and parses it as JSON:
/// UTF-8 or Windows-1252, repaired where the EA wrote unescaped strings and the route allows it.
/// </summary>
public static class EaBodyReader
{
    public static async Task<(EaJsonBody? Body, EaResult? Error)> ReadAsync(HttpContext context, EaRoute route)
    {
        // Refused before the limit is lowered, so Kestrel can still drain a moderately oversized body
        // and the client reads the 413 instead of a reset connection.
        if (context.Request.ContentLength > route.MaxBodyBytes)
        {
            return (null, TooLarge(route));
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = route.MaxBodyBytes;
        }

        ReadOnlyMemory<byte> bytes;
        try
        {
            var buffer = new MemoryStream(context.Request.ContentLength is { } length ? (int)Math.Min(length, int.MaxValue) : 4096);
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            // The parsed body keeps referring to this buffer (valid UTF-8 is parsed in place), so no copy.
            bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(route));
        }

        if (EaJsonBody.TryParse(bytes, route.AllowRepair, out var body))
        {
            return (body, null);
        }
        var payload = bytes.Span[EaBodyDecoder.PayloadRange(bytes.Span)];
        return payload.Trim(" \t\r\n"u8).IsEmpty
            ? (null, EaResult.Error(EaError.NoDataProvided))
            : (null, EaResult.Error(StatusCodes.Status400BadRequest, "Request body is not valid JSON"));
    }

    private static EaResult TooLarge(EaRoute route) =>
        EaResult.Error(StatusCodes.Status413PayloadTooLarge, $"Request body is larger than the {route.MaxBodyBytes} bytes allowed on {route.Name}");
}
