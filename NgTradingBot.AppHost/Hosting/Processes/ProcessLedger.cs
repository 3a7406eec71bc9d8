namespace NgTradingBot.AppHost.Hosting.Processes;

/// <summary>
/// The children this AppHost started, written to its data folder. If the AppHost is killed without a
/// chance to stop them (SIGKILL, a crash), the next start finds the survivors here and stops them,
/// so no orphan keeps a port or a database lock. A process counts only if its kernel start time still
/// matches: a recycled PID is never touched.
/// </summary>
public sealed class ProcessLedger(string path)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, string> _entries = [];

    public void Record(int processId, string resource)
    {
        lock (_gate)
        {
            _entries[processId] = $"{processId} {ReadStartTicks(processId)} {resource}";
            Save();
        }
    }

    public void Forget(int processId)
    {
        lock (_gate)
        {
            if (_entries.Remove(processId))
            {
                Save();
            }
        }
    }

    /// <summary>Stops every process a previous run recorded and that is still the same process.</summary>
    public async Task StopSurvivorsAsync()
    {
        if (!File.Exists(path))
        {
            return;
        }
        // Newest first: services before the databases they use.
        foreach (var line in (await File.ReadAllLinesAsync(path)).Reverse())
        {
            var parts = line.Split(' ', 3);
            if (parts.Length < 3 || !int.TryParse(parts[0], out var pid) || ReadStartTicks(pid) != parts[1] || parts[1] == "?")
            {
                continue;
            }
            ConsoleOutput.AppHost($"stopping {parts[2]} (pid {pid}) left running by a previous AppHost");
            Signals.Send(pid, parts[2] == "postgres" ? Signals.SigInt : Signals.SigTerm);
            for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}"); i++)
            {
                await Task.Delay(100);
            }
            if (Directory.Exists($"/proc/{pid}"))
            {
                Signals.Send(pid, Signals.SigKill);
            }
        }
        File.Delete(path);
    }

    private void Save()
    {
        if (_entries.Count == 0)
        {
            File.Delete(path);
            return;
        }
        File.WriteAllLines(path, _entries.Values);
    }

    // Field 22 of /proc/PID/stat: start time in clock ticks since boot. The command name (field 2)
    // may contain spaces, so count fields after its closing parenthesis.
    private static string ReadStartTicks(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : "?";
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
