namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>
/// Npgsql infers one PostgreSQL type for a whole DateTime array from its elements' Kind, and refuses an
/// array that mixes kinds or starts with nulls; DateTimeOffset always maps to timestamptz.
/// </summary>
internal static class TimestampArrays
{
    public static DateTimeOffset[] Of(IEnumerable<DateTime> values) =>
        values.Select(v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc))).ToArray();

    public static DateTimeOffset?[] Of(IEnumerable<DateTime?> values) =>
        values.Select(v => v is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : (DateTimeOffset?)null).ToArray();
}
