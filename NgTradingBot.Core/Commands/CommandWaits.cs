using System.Globalization;
using Microsoft.Extensions.Options;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Long polls: a caller asks for a command and waits up to a given time for it to reach a final state. It wakes on
/// the command's own change announcement; a slow re-read covers an announcement lost while Redis was away.
/// </summary>
public sealed class CommandWaits(CommandQueries queries, CommandChanges changes, IOptions<CommandOptions> options, TimeProvider clock)
{
    /// <summary>The command once it is final or the wait is over (null: unknown).</summary>
    public async Task<CommandView?> GetAsync(string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var changed = new SemaphoreSlim(0);
        // Only a final state ends the wait; the steps before it (DELIVERED, a retry's PENDING) are not worth a read.
        using var watch = changes.WatchCommand(id, change =>
        {
            if (CommandStatuses.IsFinal(change.Status))
            {
                changed.Release();
            }
        });
        // Watching before the first read: a change committed between the read and the wait still wakes it. While the
        // command is not final only its state is read; the command with its history once, when the wait ends.
        var status = await queries.GetStatusAsync(id, cancellationToken);
        if (status is null)
        {
            return null;
        }
        var deadline = clock.GetUtcNow() + wait;
        while (!CommandStatuses.IsFinal(status))
        {
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            var next = left < options.Value.WaitRecheckInterval ? left : options.Value.WaitRecheckInterval;
            // Announced only after its commit: a final state announced is the one the read below finds.
            if (await changed.WaitAsync(next, cancellationToken))
            {
                break;
            }
            status = await queries.GetStatusAsync(id, cancellationToken) ?? status;
        }
        return await queries.GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// Reads a wait such as <c>30s</c>, <c>500ms</c>, <c>2m</c> or plain seconds (<c>30</c>); null with the reason
    /// when it is not one or longer than Commands:MaxWait.
    /// </summary>
    public TimeSpan? ParseWait(string text, out string? problem) => ParseWait(text, options.Value.MaxWait, out problem);

    public static TimeSpan? ParseWait(string text, TimeSpan max, out string? problem)
    {
        problem = $"wait must be a duration such as 30s, 500ms or 2m, at most {max.TotalSeconds:0} s";
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value * unit > max.TotalSeconds)
        {
            return null;
        }
        problem = null;
        return TimeSpan.FromSeconds(value * unit);
    }
}
