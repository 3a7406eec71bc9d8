using System.Text.Json;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaProtocol.Auth;

/// <summary>
/// Extracts the credentials the way the legacy <c>require_api_key</c> did, with the same messages and
/// status codes: the key from the body's <c>api_key</c> first, then the <c>X-API-Key</c> header. Checking
/// the key against the account is the gateway's job (403 <see cref="EaError.InvalidCredentials"/>).
/// </summary>
public static class EaCredentialReader
{
    /// <param name="body">The parsed body, or null when it was missing, empty or not JSON.</param>
    /// <param name="headerApiKey">The X-API-Key header value, if any.</param>
    public static EaParseResult<EaCredentials> Read(JsonElement? body, string? headerApiKey)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            return EaParseResult<EaCredentials>.Failure(EaError.NoDataProvided);
        }

        var account = ReadAccount(root, out var accountError);
        if (accountError is not null)
        {
            return EaParseResult<EaCredentials>.Failure(accountError);
        }

        var key = ReadBodyKey(root, out var keyError);
        if (keyError is not null)
        {
            return EaParseResult<EaCredentials>.Failure(keyError);
        }

        // An empty body key counts as absent, as Python's "or" fallback treated it.
        key = string.IsNullOrEmpty(key) ? headerApiKey?.Trim() : key;
        return string.IsNullOrEmpty(key)
            ? EaParseResult<EaCredentials>.Failure(EaError.MissingCredentials)
            : EaParseResult<EaCredentials>.Success(new EaCredentials(account, key));
    }

    private static long ReadAccount(JsonElement root, out EaError? error)
    {
        error = null;
        if (!root.TryGetProperty("account", out var value) || value.ValueKind == JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && value.GetString() == "")
            || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var zero) && zero == 0))
        {
            error = EaError.MissingCredentials;
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var account))
        {
            error = EaError.BadRequest($"account must be an integer, got {FieldReader.Describe(value)}");
            return 0;
        }

        if (account < 0)
        {
            error = EaError.BadRequest("account must be greater than 0");
        }

        return account;
    }

    private static string? ReadBodyKey(JsonElement root, out EaError? error)
    {
        error = null;
        if (!root.TryGetProperty("api_key", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        error = EaError.BadRequest($"api_key must be a string, got {FieldReader.Describe(value)}");
        return null;
    }
}
