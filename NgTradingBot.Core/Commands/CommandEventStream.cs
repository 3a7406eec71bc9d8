using System.Text.Json;
using Microsoft.Extensions.Options;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// <c>GET /api/accounts/{login}/commands/events</c>: a server-sent event stream of the account's command changes,
/// one <c>command</c> event per transition (<c>{"id","status","command"}</c>: the state it entered and the command as
/// stored, without its history), a <c>missed</c> event (<c>{"changes":n}</c>) before them when a reader that fell more than
/// <see cref="CommandOptions.EventStreamBacklog"/> behind lost the oldest, and a comment line now and then so an idle
/// stream stays open through proxies.
/// </summary>
public static class CommandEventStream
{
    private const int MaxChangesPerRead = 200;

    public static async Task StreamAsync(long login, HttpContext http, CommandChanges changes, CommandQueries queries,
        IOptions<CommandOptions> options, CancellationToken cancellationToken)
    {
        using var watch = changes.WatchAccount(login, options.Value.EventStreamBacklog, out var backlog);
        var reader = backlog.Reader;
        if (!await queries.AccountExistsAsync(login, cancellationToken))
        {
            await Api.ApiError.NotFound($"Account {login} is not known").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.WriteAsync(": watching the commands of account " + login + "\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                keepAlive.CancelAfter(options.Value.EventStreamKeepAlive);
                var waiting = new List<CommandChange>(MaxChangesPerRead);
                try
                {
                    waiting.Add(await reader.ReadAsync(keepAlive.Token));
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                // The changes waiting by now go out together: one read of their commands, one flush.
                while (waiting.Count < MaxChangesPerRead && reader.TryRead(out var next))
                {
                    waiting.Add(next);
                }
                if (backlog.TakeMissed() is var missed and > 0)
                {
                    // A reader that counts on every transition reads its commands again: what it reads is at least as new as what was dropped.
                    await http.Response.WriteAsync($"event: missed\ndata: {{\"changes\":{missed}}}\n\n", cancellationToken);
                }
                // The stored commands, not the announcements: an event says what the caller would read.
                var stored = await queries.GetWithoutHistoryAsync(waiting.Select(c => c.Id).ToHashSet(), cancellationToken);
                foreach (var change in waiting)
                {
                    if (stored.TryGetValue(change.Id, out var command))
                    {
                        // The announced transition, and the command as stored now (it may have moved on already).
                        var data = JsonSerializer.Serialize(new { id = change.Id, status = change.Status, command }, JsonSerializerOptions.Web);
                        await http.Response.WriteAsync($"event: command\nid: {change.Id}:{change.Status}\ndata: {data}\n\n", cancellationToken);
                    }
                }
                await http.Response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away.
        }
    }
}
