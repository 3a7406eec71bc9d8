using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// The real AppHost as a user starts it, <c>dotnet run --project NgTradingBot.AppHost</c>, in a session of its own
/// (as a CI runner or a service manager starts a job), on free ports and a throwaway data folder.
/// </summary>
public sealed class AppHostProcess : IAsyncDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppHostProcess(Process process, string dataDirectory, IReadOnlyDictionary<string, int> ports)
    {
        _process = process;
        DataDirectory = dataDirectory;
        Ports = ports;
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string DataDirectory { get; }

    /// <summary>Every port the composition listens on, by "resource endpoint" (and the dashboard's own).</summary>
    public IReadOnlyDictionary<string, int> Ports { get; }

    /// <summary>The session (and process group) the AppHost runs in: the pid of <c>dotnet run</c>.</summary>
    public int ProcessGroup => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static AppHostProcess Start(params string[] arguments) => Start(arguments, publishing: false);

    /// <summary>The AppHost publishing its model: the product's own ports, no data folder.</summary>
    public static AppHostProcess Publish(params string[] arguments) => Start(arguments, publishing: true);

    private static AppHostProcess Start(string[] arguments, bool publishing)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ngtradingbot-tests", Guid.NewGuid().ToString("N")[..12]);
        var ports = FreePorts("postgres tcp", "redis tcp", "core http", "web http", "gateway command", "gateway ticks", "gateway trades", "gateway logs",
            "dashboard http", "dashboard otlp", "dashboard resources");

        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // As from a terminal: a test run started in the background (a non-interactive shell's `&`) passes SIGINT and
        // SIGQUIT on ignored, and .NET rightly keeps an inherited SIG_IGN for them (as nohup means), so without the
        // reset the process-group SIGINT test would test the launcher, not the AppHost.
        string[] commandLine = ["env", "--default-signal=INT,QUIT", "dotnet", "run", "--project", "NgTradingBot.AppHost", "--no-build", "--no-launch-profile", "-c", Configuration, "--",
            .. publishing ? [] : RunSettings(dataDirectory, ports),
            .. arguments];
        commandLine.ToList().ForEach(info.ArgumentList.Add);
        // What the launch profile gives a developer, on ports of this test's own.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = $"http://localhost:{ports["dashboard http"]}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://localhost:{ports["dashboard otlp"]}";
        info.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{ports["dashboard resources"]}";
        info.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        return new AppHostProcess(Process.Start(info)!, dataDirectory, ports);
    }

    private static IEnumerable<string> RunSettings(string dataDirectory, Dictionary<string, int> ports) =>
    [
        $"--AppHost:DataDirectory={dataDirectory}",
        "--AppHost:GatewayBindAddress=127.0.0.1",
        .. ports.Where(p => !p.Key.StartsWith("dashboard", StringComparison.Ordinal))
            .Select(p => $"--AppHost:Ports:{p.Key.Split(' ')[0]}:{p.Key.Split(' ')[1]}={p.Value}"),
    ];

    /// <summary>Waits until every service answers /health with 200; one that does not is named, with the AppHost's output.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        using var cancellation = new CancellationTokenSource(timeout);
        foreach (var endpoint in new[] { "core http", "gateway command", "web http" })
        {
            try
            {
                await WaitUntilHealthyAsync(http, endpoint, cancellation.Token);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"{endpoint} (port {Ports[endpoint]}) did not answer /health with 200 within {timeout}; the AppHost's output:\n{Output}");
            }
        }
    }

    private async Task WaitUntilHealthyAsync(HttpClient http, string endpoint, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The AppHost exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{Ports[endpoint]}/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Every process of the composition: the AppHost's tree, the orchestrator it started, and all the orchestrator runs.</summary>
    public IReadOnlyList<ProcessTable.Entry> CompositionProcesses()
    {
        var table = ProcessTable.Read();
        var ours = table.Descendants(ProcessGroup).ToList();
        var monitored = ours.Select(p => $"--monitor {p.Pid} ").ToList();
        foreach (var orchestrator in table.Entries.Where(e => monitored.Any(m => (e.CommandLine + " ").Contains(m, StringComparison.Ordinal))).ToList())
        {
            ours.Add(orchestrator);
            ours.AddRange(table.Descendants(orchestrator.Pid));
        }
        ours.AddRange(table.Entries.Where(e => e.CommandLine.Contains(DataDirectory, StringComparison.Ordinal)));
        return ours.DistinctBy(p => p.Pid).ToList();
    }

    public void Signal(string signal, bool wholeGroup)
    {
        using var kill = Process.Start("kill", ["-" + signal, "--", wholeGroup ? $"-{ProcessGroup}" : $"{ProcessGroup}"])!;
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal("KILL", wholeGroup: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>One free port per name, all distinct: every listener stays open until the last port is chosen.</summary>
    private static Dictionary<string, int> FreePorts(params string[] names)
    {
        var listeners = names.Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return names.Zip(listeners, (name, listener) => (name, ((IPEndPoint)listener.LocalEndpoint).Port)).ToDictionary(p => p.name, p => p.Port);
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NgTradingBot.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (NgTradingBot.sln) was not found above " + AppContext.BaseDirectory);
    }
}
