using System.Reflection;
using NgTradingBot.AppHost.Hosting.Processes;

namespace NgTradingBot.AppHost.Hosting.Resources;

/// <summary>A named endpoint of a service: its port and, where the service reads it from its own setting, that setting.</summary>
public sealed record ServiceEndpoint(string Name, string Host, int Port, string? PortSetting)
{
    public string Url => $"http://{(Host is "0.0.0.0" ? "127.0.0.1" : Host)}:{Port}";
}

/// <summary>
/// One of our .NET services, run from its built assembly with Aspire's environment-variable contract:
/// <c>ConnectionStrings__x</c>, <c>services__x__endpoint__0</c>, <c>ASPNETCORE_URLS</c>, <c>OTEL_*</c>.
/// </summary>
public sealed class ProjectResource : ProcessResource
{
    private static readonly HttpClient HealthClient = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly List<ServiceEndpoint> _endpoints = [];
    private readonly Dictionary<string, Func<string>> _environment = [];
    private readonly List<string> _arguments = [];
    private readonly Func<string, string, int, int> _resolvePort;
    private string? _healthPath;

    internal ProjectResource(string name, string assemblyName, Func<string, string, int, int> resolvePort) : base(name)
    {
        AssemblyName = assemblyName;
        _resolvePort = resolvePort;
        AssemblyPath = typeof(ProjectResource).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ServiceAssembly:" + assemblyName)?.Value
            ?? throw new InvalidOperationException($"{assemblyName} is not a project reference of the AppHost.");
    }

    public string AssemblyName { get; }

    public string AssemblyPath { get; }

    public IReadOnlyList<ServiceEndpoint> Endpoints => _endpoints;

    protected override bool RestartWhileStarting => true;

    public ServiceEndpoint GetEndpoint(string name = "http") =>
        _endpoints.FirstOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"{Name} has no endpoint '{name}'.");

    /// <summary>An HTTP endpoint; without a port setting it becomes part of ASPNETCORE_URLS.</summary>
    public ProjectResource WithHttpEndpoint(string name = "http", int port = 0, string? portSetting = null, string host = "127.0.0.1")
    {
        _endpoints.Add(new ServiceEndpoint(name, host, _resolvePort(Name, name, port), portSetting));
        return this;
    }

    public ProjectResource WithEnvironment(string key, string value) => WithEnvironment(key, () => value);

    public ProjectResource WithEnvironment(string key, Func<string> value)
    {
        _environment[key] = value;
        return this;
    }

    public ProjectResource WithArgs(params string[] arguments)
    {
        _arguments.AddRange(arguments);
        return this;
    }

    public ProjectResource WithReference(IResourceWithConnectionString resource) =>
        WithEnvironment($"ConnectionStrings__{resource.Name}", () => resource.ConnectionString);

    public ProjectResource WithReference(ProjectResource service)
    {
        foreach (var endpoint in service.Endpoints)
        {
            WithEnvironment($"services__{service.Name}__{endpoint.Name}__0", endpoint.Url);
        }
        return this;
    }

    public ProjectResource WaitFor(Resource dependency)
    {
        AddWait(dependency);
        return this;
    }

    public ProjectResource WithHttpHealthCheck(string path)
    {
        _healthPath = path;
        return this;
    }

    public override IEnumerable<string> DescribeEndpoints() =>
        _endpoints.Select(e => e.Name == "http" ? e.Url : $"{e.Name} {e.Url}");

    internal override async Task StartAsync(AppHostContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new InvalidOperationException($"{AssemblyPath} does not exist: build the solution first (dotnet build).");
        }
        foreach (var endpoint in _endpoints)
        {
            ThrowIfPortInUse(endpoint.Port, endpoint.Name);
        }

        var spec = new ProcessSpec("dotnet", [AssemblyPath, .. _arguments], Path.GetDirectoryName(AssemblyPath)!, BuildEnvironment(context));
        await StartProcessAsync(context, spec, TimeSpan.FromSeconds(15), cancellationToken);
        await WaitUntilHealthyAsync(cancellationToken);
        SetState(ResourceState.Running);
        MarkReady();
    }

    protected override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (ProcessId is null)
        {
            return false;
        }
        if (_healthPath is null)
        {
            return true;
        }
        try
        {
            using var response = await HealthClient.GetAsync(GetEndpoint(_endpoints[0].Name).Url + _healthPath, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private Dictionary<string, string> BuildEnvironment(AppHostContext context)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = context.Options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = context.Options.EnvironmentName,
            ["OTEL_SERVICE_NAME"] = Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Name}-{Guid.NewGuid():N}",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ",
            ["DOTNET_NOLOGO"] = "1",
        };
        var urls = _endpoints.Where(e => e.PortSetting is null).Select(e => $"http://{e.Host}:{e.Port}").ToList();
        if (urls.Count > 0)
        {
            environment["ASPNETCORE_URLS"] = string.Join(';', urls);
        }
        foreach (var endpoint in _endpoints.Where(e => e.PortSetting is not null))
        {
            environment[endpoint.PortSetting!] = endpoint.Port.ToString();
        }
        if (!string.IsNullOrWhiteSpace(context.Options.OtlpEndpoint))
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = context.Options.OtlpEndpoint;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = context.Options.OtlpProtocol;
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = ((int)context.Options.OtlpMetricExportInterval.TotalMilliseconds).ToString();
        }
        foreach (var (key, value) in _environment)
        {
            environment[key] = value();
        }
        return environment;
    }
}
