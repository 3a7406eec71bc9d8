using Microsoft.Extensions.Options;

namespace NgTradingBot.EaGateway.CoreApi;

/// <summary>
/// Sends Core one connect it refuses (login 0) before the gateway listens. The first call through the HttpClient
/// pipeline (service discovery, resilience, JSON both ways) cost the first EA's connect about 1 s when measured cold,
/// and the EA gives up on a connect after 3 s. Core changes nothing for login 0; when Core cannot be reached, the
/// gateway starts anyway after <see cref="EaGatewayOptions.CoreWarmUpTimeout"/>.
/// </summary>
public sealed class CoreWarmUp(CoreEaClient core, IOptions<EaGatewayOptions> options, ILogger<CoreWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.CoreWarmUpTimeout);
        try
        {
            await core.ConnectAsync(0, "", [], null, timeout.Token);
            logger.LogWarning("Core accepted the warm-up connect for login 0; it should refuse it");
        }
        catch (CoreRefusedException)
        {
            // The expected answer.
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Core did not answer the warm-up connect ({Error}); starting without it", ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
