using NgTradingBot.AppHost.Hosting.Resources;

namespace NgTradingBot.AppHost.Hosting;

internal static class ResourceSummary
{
    public static IEnumerable<string> Lines(IEnumerable<Resource> resources) =>
        resources.Select(r =>
            $"  {r.Name,-10} {r.State,-10} {(r.ProcessId is { } pid ? "pid " + pid : "external"),-11} {string.Join("  ", r.DescribeEndpoints())}");
}
