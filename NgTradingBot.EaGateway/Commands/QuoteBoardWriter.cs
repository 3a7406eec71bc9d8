using Microsoft.Extensions.Options;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Commands;

/// <summary>
/// Writes the quotes the tick posts noted on the <see cref="QuoteBoard"/> to Redis, at most once per
/// <see cref="EaGatewayOptions.QuoteBoardInterval"/> and at once after a quiet one, so the EAs' tick answers never
/// wait for it. A failed write keeps its quotes for the next one.
/// </summary>
public sealed class QuoteBoardWriter(QuoteBoard board, IOptions<EaGatewayOptions> options, ILogger<QuoteBoardWriter> logger) : BackgroundService
{
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await board.WaitForPostsAsync(stoppingToken);
                await WriteAsync();
                await Task.Delay(options.Value.QuoteBoardInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // What was posted before the stop.
        await WriteAsync();
    }

    private async Task WriteAsync()
    {
        try
        {
            await board.WriteAsync(options.Value.QuoteBoardQuotesPerCall);
            if (_failing)
            {
                _failing = false;
                logger.LogInformation("The quote board is written again");
            }
        }
        catch (Exception ex)
        {
            // Every tick post would log it again while Redis is away: once per outage is enough.
            if (!_failing)
            {
                _failing = true;
                logger.LogWarning("Writing the quote board failed, its quotes are kept for the next write: {Error}", ex.Message);
            }
        }
    }
}
