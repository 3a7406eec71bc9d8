using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.AppHost;

/// <summary>
/// What the model is built from: our validated options, the port of every endpoint, the data folder, and
/// any problem that must stop the start with one clear line (a missing server binary, a busy port).
/// </summary>
public sealed class AppHostSetup
{
    private readonly List<string> _problems = [];

    private AppHostSetup(IDistributedApplicationBuilder builder, AppHostOptions options)
    {
        Options = options;
        Ports = new PortAssignments(options);
        IsRunMode = builder.ExecutionContext.IsRunMode;
        // The repository root is the AppHost project's parent: .data sits beside the solution.
        DataDirectory = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", options.DataDirectory));
    }

    public AppHostOptions Options { get; }

    public PortAssignments Ports { get; }

    public string DataDirectory { get; }

    public bool IsRunMode { get; }

    /// <summary>PostgreSQL and Redis as local processes rather than containers.</summary>
    public bool UsesLocalServers => IsRunMode && Options.Infrastructure == InfrastructureMode.Local;

    public void Refuse(string problem) => _problems.Add(problem);

    /// <summary>The first reason not to start, as one line; null when everything needed is there.</summary>
    public string? FindProblem() => _problems.FirstOrDefault() ?? (IsRunMode ? Ports.FindBusyPort() : null);

    public static AppHostSetup Create(IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AppHostOptions.SectionName).Get<AppHostOptions>() ?? new AppHostOptions();
        var setup = new AppHostSetup(builder, options);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true))
        {
            errors.ForEach(error => setup.Refuse(error.ErrorMessage ?? "Invalid AppHost settings."));
        }
        builder.Services.AddSingleton(setup);
        return setup;
    }
}
