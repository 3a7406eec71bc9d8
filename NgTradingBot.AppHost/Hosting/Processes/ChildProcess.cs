using System.Diagnostics;

namespace NgTradingBot.AppHost.Hosting.Processes;

/// <summary>What to run: the file, its arguments, its environment and how it prefers to be stopped.</summary>
public sealed record ProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    int StopSignal = Signals.SigTerm);

/// <summary>One running child: its output goes to the console with the resource's name in front.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Id and exit are captured here, so readers on other threads never touch a disposed Process.
    private ChildProcess(Process process)
    {
        _process = process;
        Id = process.Id;
        _ = TrackExitAsync();
    }

    public int Id { get; }

    public DateTime StartTime { get; } = DateTime.UtcNow;

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _exit.Task.WaitAsync(cancellationToken);

    public bool HasExited => _exit.Task.IsCompleted;

    public int ExitCode => _exit.Task.Result;

    private async Task TrackExitAsync()
    {
        await _process.WaitForExitAsync();
        _exit.TrySetResult(_process.ExitCode);
    }

    public static ChildProcess Start(string resourceName, ProcessSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) ConsoleOutput.Child(resourceName, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) ConsoleOutput.Child(resourceName, e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    /// <summary>Asks the process to stop with its preferred signal; kills it if it has not stopped in time.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }
        Signals.Send(Id, signal);
        try
        {
            await WaitForExitAsync().WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            ConsoleOutput.AppHost($"process {Id} did not stop within {grace.TotalSeconds:0} s; killing it");
            _process.Kill(entireProcessTree: true);
            await WaitForExitAsync();
        }
    }

    public void Dispose() => _process.Dispose();
}
