namespace NgTradingBot.Bench;

/// <summary>CPU seconds used by a process and all its descendants (PostgreSQL runs one process per connection).</summary>
public static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static double TreeSeconds(int rootPid)
    {
        var processes = new List<(int Pid, int Parent, double Cpu)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // After the command name: state(0) ppid(1) ... utime(11) stime(12)
                processes.Add((pid, int.Parse(fields[1]), (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond));
            }
            catch (IOException)
            {
            }
        }
        var total = 0.0;
        var frontier = new Queue<int>([rootPid]);
        var seen = new HashSet<int>();
        while (frontier.TryDequeue(out var pid))
        {
            if (!seen.Add(pid))
            {
                continue;
            }
            foreach (var process in processes)
            {
                if (process.Pid == pid)
                {
                    total += process.Cpu;
                }
                else if (process.Parent == pid)
                {
                    frontier.Enqueue(process.Pid);
                }
            }
        }
        return total;
    }
}
