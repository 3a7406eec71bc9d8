using System.Net;

namespace NgTradingBot.Client;

/// <summary>What kind of refusal Core answered with.</summary>
public enum ApiErrorKind
{
    /// <summary>400: the request is invalid; nothing changed.</summary>
    InvalidRequest,
    /// <summary>401: no key, or one Core does not know (revoked, mistyped).</summary>
    Unauthenticated,
    /// <summary>403: the key may not do this, or not on this account.</summary>
    Forbidden,
    /// <summary>404: no such account, command or key.</summary>
    NotFound,
    /// <summary>409: the request conflicts with the state (for example cancelling a delivered command).</summary>
    Conflict,
    /// <summary>422: the Idempotency-Key was used before for another command.</summary>
    IdempotencyConflict,
    /// <summary>5xx: Core could not serve the request now; a retry may succeed.</summary>
    Unavailable,
    Other,
}

/// <summary>Core refused a request; <see cref="Exception.Message"/> is Core's own reason.</summary>
public sealed class TradingBotApiException(HttpStatusCode statusCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public ApiErrorKind Kind { get; } = (int)statusCode switch
    {
        400 => ApiErrorKind.InvalidRequest,
        401 => ApiErrorKind.Unauthenticated,
        403 => ApiErrorKind.Forbidden,
        404 => ApiErrorKind.NotFound,
        409 => ApiErrorKind.Conflict,
        422 => ApiErrorKind.IdempotencyConflict,
        >= 500 => ApiErrorKind.Unavailable,
        _ => ApiErrorKind.Other,
    };
}
