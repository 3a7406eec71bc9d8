namespace NgTradingBot.Client;

/// <summary>The filters of <see cref="OperatorClient.FindCommandsAsync"/>; every one is optional.</summary>
public sealed record CommandQuery(long? Login = null, string? Status = null, string? Type = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    int? Limit = null, string? Cursor = null)
{
    /// <summary>The query string, from <c>?</c>, or empty.</summary>
    public string ToQueryString()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        (string Name, string? Value)[] values =
        [
            ("login", Login?.ToString(invariant)), ("status", Status), ("type", Type), ("from", From?.UtcDateTime.ToString("O", invariant)),
            ("to", To?.UtcDateTime.ToString("O", invariant)), ("limit", Limit?.ToString(invariant)), ("cursor", Cursor),
        ];
        var set = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => v.Name + "=" + Uri.EscapeDataString(v.Value!)).ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }
}
