using Microsoft.Extensions.Configuration;
using NgTradingBot.AppHost.Hosting.Processes;

namespace NgTradingBot.AppHost.Hosting;

/// <summary>What every resource needs at start: where its data lives and how the run is configured.</summary>
internal sealed record AppHostContext(
    IConfiguration Configuration,
    AppHostOptions Options,
    string DataDirectory,
    ProcessLedger Ledger,
    CancellationToken Stopping)
{
    public static bool RunningAsRoot => Environment.UserName == "root";
}
