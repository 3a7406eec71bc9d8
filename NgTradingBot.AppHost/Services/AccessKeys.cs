namespace NgTradingBot.AppHost.Services;

/// <summary>
/// The operator key (Core's API, key management, the status UI) and the gateway's service key (Core's internal EA
/// routes). A run generates each once and keeps it in the data folder; the dashboard lists both among the
/// parameters. Published, they are secret parameters the deployment supplies.
/// </summary>
public sealed record AccessKeys(IResourceBuilder<ParameterResource> Operator, IResourceBuilder<ParameterResource> Service)
{
    public const string OperatorKeyName = "operator-key";
    public const string ServiceKeyName = "service-key";

    public static AccessKeys Add(IDistributedApplicationBuilder builder, AppHostSetup setup)
    {
        var keys = new AccessKeys(Key(builder, setup, OperatorKeyName), Key(builder, setup, ServiceKeyName));
        if (setup.IsRunMode)
        {
            var file = Path.Combine(setup.DataDirectory, OperatorKeyName);
            Console.WriteLine($"Operator key, for Core's API (Authorization: Bearer <key>) and the status UI: {SecretFile.ReadOrCreate(file, KeyBytes)} (kept in {file})");
        }
        return keys;
    }

    private const int KeyBytes = 24;

    private static IResourceBuilder<ParameterResource> Key(IDistributedApplicationBuilder builder, AppHostSetup setup, string name) => setup.IsRunMode
        ? builder.AddParameter(name, SecretFile.ReadOrCreate(Path.Combine(setup.DataDirectory, name), KeyBytes), secret: true)
        : builder.AddParameter(name, secret: true);
}
