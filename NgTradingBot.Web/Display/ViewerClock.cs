using System.Globalization;

namespace NgTradingBot.Web.Display;

/// <summary>
/// Times in the viewer's zone, which the browser tells the circuit once it is interactive (UTC until then, and for a zone
/// this server does not know). Every time on screen also carries its UTC value in a title.
/// </summary>
public sealed record ViewerClock(TimeZoneInfo Zone)
{
    public static readonly ViewerClock Utc = new(TimeZoneInfo.Utc);

    public static ViewerClock For(string? ianaZone) =>
        !string.IsNullOrWhiteSpace(ianaZone) && TimeZoneInfo.TryFindSystemTimeZoneById(ianaZone, out var zone) ? new ViewerClock(zone) : Utc;

    public string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string FormatUtc(DateTime utc) => AsUtc(utc).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
