using System.Net.Http.Json;

namespace NgTradingBot.Client;

/// <summary>A strategy key as the operator sees it; its secret is shown only once, in <see cref="IssuedKey"/>.</summary>
public sealed record StrategyKey(string Id, string Name, string Prefix, IReadOnlyList<string> Scopes, IReadOnlyList<long>? Accounts,
    DateTime CreatedAt, DateTime? RotatedAt, DateTime? RevokedAt);

/// <summary>A key just created or rotated, with the secret a strategy sends as <c>Authorization: Bearer</c>.</summary>
public sealed record IssuedKey(StrategyKey Key, string Secret);

/// <summary>An account's enrollment after an approve or block.</summary>
public sealed record EnrollmentDecision(long Login, string Previous, string Enrollment);

/// <summary>The scopes a strategy key may hold.</summary>
public static class KeyScopes
{
    /// <summary>Create, cancel and follow commands.</summary>
    public const string Trade = "trade";

    /// <summary>Read accounts: details, history, commands.</summary>
    public const string Read = "read";
}

/// <summary>The operator's calls on top of a strategy's: strategy keys and account enrollment. Needs the operator key.</summary>
public sealed partial class OperatorClient : TradingBotClient
{
    public OperatorClient(HttpClient http, string operatorKey) : base(http, operatorKey)
    {
    }

    public OperatorClient(Uri coreUrl, string operatorKey) : base(coreUrl, operatorKey)
    {
    }

    /// <summary>A new strategy key for these scopes; <paramref name="accounts"/> null gives it every account.</summary>
    public Task<IssuedKey> CreateKeyAsync(string name, IReadOnlyList<string> scopes, IReadOnlyList<long>? accounts, CancellationToken cancellationToken = default) =>
        SendAsync<IssuedKey>(new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(new { name, scopes, accounts }) }, cancellationToken);

    public Task<IReadOnlyList<StrategyKey>> ListKeysAsync(CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<StrategyKey>>(new HttpRequestMessage(HttpMethod.Get, "/api/keys"), cancellationToken);

    /// <summary>A new secret for the key; the old secret stops working.</summary>
    public Task<IssuedKey> RotateKeyAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<IssuedKey>(new HttpRequestMessage(HttpMethod.Post, $"/api/keys/{Uri.EscapeDataString(id)}/rotate"), cancellationToken);

    public Task<StrategyKey> RevokeKeyAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync<StrategyKey>(new HttpRequestMessage(HttpMethod.Post, $"/api/keys/{Uri.EscapeDataString(id)}/revoke"), cancellationToken);

    public Task<EnrollmentDecision> ApproveAsync(long login, CancellationToken cancellationToken = default) =>
        SendAsync<EnrollmentDecision>(new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{login}/approve"), cancellationToken);

    public Task<EnrollmentDecision> BlockAsync(long login, CancellationToken cancellationToken = default) =>
        SendAsync<EnrollmentDecision>(new HttpRequestMessage(HttpMethod.Post, $"/api/accounts/{login}/block"), cancellationToken);
}
