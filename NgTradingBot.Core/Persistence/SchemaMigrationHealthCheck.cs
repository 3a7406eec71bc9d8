using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NgTradingBot.Core.Persistence;

/// <summary>Not ready until the schema is current: Degraded while migrating, with the last error if any.</summary>
public sealed class SchemaMigrationHealthCheck(SchemaMigrator migrator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(migrator.Completed.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy($"schema at migration {migrator.CurrentMigration}")
            : HealthCheckResult.Degraded(migrator.LastError is { } error ? $"migrating; last attempt failed: {error.Message}" : "migrating"));
}
