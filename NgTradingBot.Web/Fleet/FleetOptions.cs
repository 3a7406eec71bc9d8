using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Web.Fleet;

/// <summary><c>Web:Fleet</c>: how often the overview reads Core (one reading for every open page).</summary>
public sealed class FleetOptions
{
    public const string Section = "Web:Fleet";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
