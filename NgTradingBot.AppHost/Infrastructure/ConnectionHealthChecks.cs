using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NgTradingBot.AppHost.Infrastructure;

public static class ConnectionHealthChecks
{
    /// <summary>
    /// A health check that connects with the resource's own connection string, known once the orchestrator
    /// allocated its endpoint; <c>WaitFor</c> on the resource waits for it, as on Aspire's own servers.
    /// </summary>
    /// <param name="addCheck">Registers the check: the health-checks builder, the connection string when asked, the check's name.</param>
    public static IResourceBuilder<T> WithConnectionHealthCheck<T>(this IResourceBuilder<T> builder,
        Func<IHealthChecksBuilder, Func<string>, string, IHealthChecksBuilder> addCheck) where T : IResourceWithConnectionString
    {
        string? connectionString = null;
        var name = $"{builder.Resource.Name}_check";
        addCheck(builder.ApplicationBuilder.Services.AddHealthChecks(),
            () => connectionString ?? throw new InvalidOperationException($"The connection string of {builder.Resource.Name} is not known yet."), name);
        return builder
            .WithHealthCheck(name)
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
    }
}
