using System.Globalization;

namespace NgTradingBot.Core.History;

/// <summary>
/// The paging every history list takes, newest first: <c>?from=&amp;to=</c> (ISO 8601; UTC unless an offset is given;
/// from inclusive, to exclusive), <c>?limit=</c> (1 to <see cref="MaxLimit"/>) and <c>?cursor=</c>, the previous
/// page's <c>nextCursor</c>. Checked by <see cref="PageQueryCheck"/> before any query runs.
/// </summary>
public sealed record PageQuery(string? From, string? To, string? Limit, string? Cursor)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public DateTimeOffset? FromTime => ParseTime(From);

    public DateTimeOffset? ToTime => ParseTime(To);

    public int Size => Limit is null ? DefaultLimit : int.Parse(Limit, CultureInfo.InvariantCulture);

    /// <summary>Where the previous page ended; null on the first page.</summary>
    public PageCursor? After => Cursor is null ? null : PageCursor.Parse(Cursor);

    /// <summary>What is wrong with the query, for a 400; null when it is usable.</summary>
    public string? Problem()
    {
        if (From is not null && ParseTime(From) is null)
        {
            return $"from must be an ISO 8601 time such as 2026-12-03T08:00:00Z, got '{From}'";
        }

        if (To is not null && ParseTime(To) is null)
        {
            return $"to must be an ISO 8601 time such as 2026-12-03T09:00:00Z, got '{To}'";
        }

        if (FromTime > ToTime)
        {
            return "from must not be later than to";
        }

        if (Limit is not null && !(int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is > 0 and <= MaxLimit))
        {
            return $"limit must be between 1 and {MaxLimit}";
        }

        return Cursor is not null && PageCursor.Parse(Cursor) is null ? "cursor must be a nextCursor this list returned" : null;
    }

    private static DateTimeOffset? ParseTime(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
}

/// <summary>
/// The sort key of a page's last item: a position (a time in .NET ticks, a broker time, an id) and a tie-breaker
/// (an id, or for ticks, which have no key, how many rows at that time were already returned). Written "key.tie".
/// </summary>
public sealed record PageCursor(long Key, long Tie)
{
    public DateTimeOffset KeyTime => new(Key, TimeSpan.Zero);

    public static PageCursor At(DateTimeOffset time, long tie) => new(time.UtcTicks, tie);

    public override string ToString() => $"{Key}.{Tie}";

    public static PageCursor? Parse(string value)
    {
        var dot = value.IndexOf('.');
        return dot > 0
            && long.TryParse(value.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            && long.TryParse(value.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var tie)
            && key >= 0 && key <= DateTimeOffset.MaxValue.UtcTicks
            ? new PageCursor(key, tie)
            : null;
    }
}
