using NgTradingBot.IntegrationTests.Hosting;

namespace NgTradingBot.IntegrationTests.Commands;

/// <summary>
/// The composition with the command lifecycle on a test's time scale: no answer in 3 s is a timeout, an unknown
/// outcome is failed 15 s after its delivery, a retry waits 0.5 to 1 s, and an account's event stream holds at most 10
/// changes for a reader that falls behind.
/// </summary>
public sealed class CommandLifecycleFixture : AppFixture
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan OutcomeResolveWithin = TimeSpan.FromSeconds(15);
    public const int EventStreamBacklog = 10;

    protected override void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "core"))
            .WithEnvironment("Commands__ResponseTimeout", ResponseTimeout.ToString())
            .WithEnvironment("Commands__OutcomeResolveWithin", OutcomeResolveWithin.ToString())
            .WithEnvironment("Commands__Retry__FirstDelay", "00:00:00.500")
            .WithEnvironment("Commands__Retry__MaxDelay", "00:00:01")
            .WithEnvironment("Commands__EventStreamBacklog", EventStreamBacklog.ToString());
}

[CollectionDefinition(Name)]
public sealed class CommandLifecycleCollection : ICollectionFixture<CommandLifecycleFixture>
{
    public const string Name = "command lifecycle";
}
