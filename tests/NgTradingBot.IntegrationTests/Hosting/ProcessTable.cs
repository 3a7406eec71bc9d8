namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>A snapshot of this machine's processes from /proc: enough to find a resource's processes and their descendants.</summary>
public sealed class ProcessTable
{
    public sealed record Entry(int Pid, int Parent, string CommandLine);

    private ProcessTable(IReadOnlyList<Entry> entries) => Entries = entries;

    public IReadOnlyList<Entry> Entries { get; }

    public static ProcessTable Read() => new(Directory.EnumerateDirectories("/proc")
        .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? Describe(pid) : null)
        .OfType<Entry>()
        .ToList());

    public static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    /// <summary>The scheduler state, what the process waits in, and its signal masks (pending, blocked, ignored, caught).</summary>
    public static string StateOf(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status")
                .Where(line => line.StartsWith("State:") || line.StartsWith("SigPnd:") || line.StartsWith("ShdPnd:") || line.StartsWith("SigBlk:")
                    || line.StartsWith("SigIgn:") || line.StartsWith("SigCgt:"))
                .Select(line => string.Join(' ', line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)));
            return $"{string.Join(", ", status)}, wchan {File.ReadAllText($"/proc/{pid}/wchan")}";
        }
        catch (IOException)
        {
            return "gone";
        }
    }

    /// <summary>The processes below <paramref name="root"/>, nearest first.</summary>
    public IEnumerable<Entry> Descendants(int root)
    {
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var child in Entries.Where(e => e.Parent == current))
            {
                yield return child;
                frontier.Enqueue(child.Pid);
            }
        }
    }

    private static Entry? Describe(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
            return new Entry(pid, parent, File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim());
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile
        }
    }
}
