using System.Text.Json;

namespace NgTradingBot.Core.Api;

/// <summary>
/// Reads a request body as a JSON document, so a handler can validate its shape field by field and
/// name the exact problem instead of failing model binding as a whole.
/// </summary>
public static class JsonBody
{
    public static async Task<(JsonDocument? Document, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            return (document, null);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not valid JSON: {ex.Message}");
        }
    }
}
