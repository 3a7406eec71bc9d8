using NgTradingBot.Client;
using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Commands;

/// <summary>An account's event stream with a reader behind by more than its backlog: what it drops, it counts.</summary>
[Collection(CommandLifecycleCollection.Name)]
public sealed class EventStreamBacklogTests(CommandLifecycleFixture fixture)
{
    private static readonly OrderRequest Order = new("EURUSD", OrderSide.Buy, StopLoss: 1.0500m, TakeProfit: 1.1500m);

    [Fact]
    public async Task AWatchThatFallsBehindIsToldHowManyChangesItMissedAndGetsEachOfTheOthersOnce()
    {
        const long login = 5_900_000_301;
        using var wire = new EaWire(fixture.App);
        await wire.ConnectAsync(login);
        using var strategy = fixture.App.CreateOperatorClient();
        await using var watch = await strategy.WatchCommandsAsync(login);

        // One batch announces its 100 PENDING changes together, while the stream is still reading the commands of the
        // first it took: far more than its backlog of 10 arrive before it can take them.
        var created = await strategy.CreateOrdersAsync(login, [.. Enumerable.Range(0, 100).Select(i => Order with { Comment = $"burst {i}" })]);
        var seen = new List<CommandUpdate>();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await foreach (var change in watch.ReadAllAsync(timeout.Token))
            {
                seen.Add(change);
                if (seen.Count + watch.MissedChanges == created.Count)
                {
                    break;
                }
            }
        }

        Assert.InRange(watch.MissedChanges, 1, created.Count - CommandLifecycleFixture.EventStreamBacklog);
        Assert.All(seen, change => Assert.Equal(CommandStatus.Pending, change.Status));
        Assert.Equal(seen.Count, seen.Select(change => change.Id).Distinct().Count());
        Assert.Subset(created.Select(c => c.Id).ToHashSet(), seen.Select(change => change.Id).ToHashSet());
        // The oldest were dropped: the last order of the batch is never among them.
        Assert.Equal(created[^1].Id, seen[^1].Id);
    }
}
