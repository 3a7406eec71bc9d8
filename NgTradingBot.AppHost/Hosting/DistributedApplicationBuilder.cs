using System.Reflection;
using Microsoft.Extensions.Configuration;
using NgTradingBot.AppHost.Hosting.Processes;
using NgTradingBot.AppHost.Hosting.Resources;

namespace NgTradingBot.AppHost.Hosting;

/// <summary>Collects the resource model; shaped like Aspire's so the real SDK could replace it.</summary>
public sealed class DistributedApplicationBuilder
{
    private static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--simulate-eas"] = "AppHost:SimulateEas",
        ["--data-dir"] = "AppHost:DataDirectory",
    };

    private readonly List<Resource> _resources = [];
    private readonly DistributedApplicationOptions _options;

    internal DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        _options = options;
        Configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(options.Args, SwitchMappings)
            .AddInMemoryCollection(options.Overrides)
            .Build();
        AppHost = Configuration.GetSection(AppHostOptions.SectionName).Get<AppHostOptions>() ?? new AppHostOptions();
        if (options.DataDirectory is not null)
        {
            AppHost.DataDirectory = options.DataDirectory;
        }
        AppHost.Validate();
    }

    public IConfiguration Configuration { get; }

    public AppHostOptions AppHost { get; }

    /// <summary>The model so far; tests adjust a resource after composing, as with Aspire's builder.</summary>
    public IReadOnlyList<Resource> Resources => _resources;

    /// <summary>The repository the AppHost was built from; relative data folders are resolved against it.</summary>
    public static string RepositoryRoot => typeof(DistributedApplicationBuilder).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;

    public PostgresServerResource AddPostgres(string name, string databaseName, int port = 5432) =>
        Add(new PostgresServerResource(name, ResolvePort(name, "tcp", port), databaseName, Configuration.GetConnectionString(name)));

    public RedisResource AddRedis(string name, int port = 6379) =>
        Add(new RedisResource(name, ResolvePort(name, "tcp", port), Configuration.GetConnectionString(name)));

    /// <summary>A service of this solution, by its assembly name (Aspire's <c>AddProject&lt;Projects.X&gt;</c>).</summary>
    public ProjectResource AddProject(string name, string assemblyName) =>
        Add(new ProjectResource(name, assemblyName, ResolvePort));

    public DistributedApplication Build()
    {
        var dataDirectory = Path.GetFullPath(Path.Combine(RepositoryRoot, AppHost.DataDirectory));
        return new DistributedApplication(_resources, Configuration, AppHost, dataDirectory);
    }

    private T Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }
        _resources.Add(resource);
        return resource;
    }

    // AppHost:Ports:{resource}:{endpoint} overrides the model's port; dynamic mode picks a free one.
    private int ResolvePort(string resource, string endpoint, int defaultPort)
    {
        if (Configuration.GetValue<int?>($"AppHost:Ports:{resource}:{endpoint}") is { } configured)
        {
            return configured;
        }
        return _options.UseDynamicPorts || defaultPort == 0 ? PortAllocator.GetFreePort() : defaultPort;
    }
}
