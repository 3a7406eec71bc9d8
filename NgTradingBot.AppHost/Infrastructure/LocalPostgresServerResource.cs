namespace NgTradingBot.AppHost.Infrastructure;

/// <summary>
/// A PostgreSQL server run from this machine's binaries, for machines without a container runtime. Its
/// cluster lives in <see cref="DataDirectory"/> and is kept between runs; clients get the same connection
/// string shape as from Aspire's PostgreSQL container.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string dataDirectory, string binDirectory, ParameterResource password)
    : ExecutableResource(name, command, Path.GetDirectoryName(dataDirectory)!), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";
    public const string UserName = "postgres";

    public string DataDirectory { get; } = dataDirectory;

    public string BinDirectory { get; } = binDirectory;

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    // The server listens on 127.0.0.1 only; naming it avoids a failed attempt on ::1 for every new connection.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}
