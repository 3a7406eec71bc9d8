namespace NgTradingBot.Web.Access;

/// <summary>The refusal body Web's API answers with, the same shape as Core's: <c>{"message":"...","status":"error"}</c>.</summary>
public static class AccessRefusal
{
    public static Task WriteAsync(HttpResponse response, string message) =>
        response.HasStarted ? Task.CompletedTask : response.WriteAsJsonAsync(new { message, status = "error" });
}
