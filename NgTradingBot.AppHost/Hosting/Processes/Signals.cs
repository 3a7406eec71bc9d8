using System.Runtime.InteropServices;

namespace NgTradingBot.AppHost.Hosting.Processes;

/// <summary>Process.Kill only sends SIGKILL; a clean stop needs SIGTERM or SIGINT.</summary>
internal static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool Send(int processId, int signal) => kill(processId, signal) == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
