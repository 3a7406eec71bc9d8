using Microsoft.AspNetCore.Http.HttpResults;

namespace NgTradingBot.Core.Api;

/// <summary>The one error body every Core API answers with: <c>{"message":"...","status":"error"}</c>.</summary>
public sealed record ApiError(string Message)
{
    public string Status => "error";

    public static JsonHttpResult<ApiError> BadRequest(string message) => Of(StatusCodes.Status400BadRequest, message);

    public static JsonHttpResult<ApiError> NotFound(string message) => Of(StatusCodes.Status404NotFound, message);

    public static JsonHttpResult<ApiError> Conflict(string message) => Of(StatusCodes.Status409Conflict, message);

    public static JsonHttpResult<ApiError> Unprocessable(string message) => Of(StatusCodes.Status422UnprocessableEntity, message);

    public static JsonHttpResult<ApiError> Unavailable(string message) => Of(StatusCodes.Status503ServiceUnavailable, message);

    public static JsonHttpResult<ApiError> Of(int statusCode, string message) => TypedResults.Json(new ApiError(message), statusCode: statusCode);
}
