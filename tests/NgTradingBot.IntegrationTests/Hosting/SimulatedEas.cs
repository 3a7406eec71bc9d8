using NgTradingBot.Client;
using NgTradingBot.EaSimulator;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>Simulated EAs pointed at the composition's gateway, and the strategy-side command API they execute.</summary>
public static class SimulatedEas
{
    public static SimulatedEa Create(DistributedApplication app, long login, Func<EaOptions, EaOptions>? configure = null)
    {
        var options = new EaOptions
        {
            Login = login,
            ServerUrl = Url(app, "command"),
            TicksUrl = Url(app, "ticks") + "/api/ticks",
            TradesUrl = Url(app, "trades") + "/api/trades/update",
            LogsUrl = Url(app, "logs") + "/api/log",
            AvailableSymbols = ["EURUSD", "GBPUSD", "XAUUSD"],
            HonourSleeps = false,
            Seed = (int)(login % 10_000),
            // The EA's own 3 s and 5 s would be timed assertions on a machine the suites share: once in CI a first
            // connect took longer. The tests that are about the EA's timeouts set their own.
            ConnectionTimeout = TimeSpan.FromSeconds(15),
            CoverageTimeout = TimeSpan.FromSeconds(15),
        };
        return new SimulatedEa(configure is null ? options : configure(options));
    }

    /// <summary>The gateway endpoint's URL as the EA's settings hold it: no trailing slash.</summary>
    public static string Url(DistributedApplication app, string endpoint) => app.GetEndpoint("gateway", endpoint).ToString().TrimEnd('/');

    /// <summary>Creates a command through Core's API, as a strategy would; returns its id.</summary>
    public static async Task<string> CreateCommandAsync(DistributedApplication app, long login, string type, object payload)
    {
        using var core = app.CreateOperatorClient();
        return (await core.CreateCommandAsync(login, new CommandRequest(type, payload))).Id;
    }

    /// <summary>A EURUSD buy with its stop loss and take profit 50 pips either side of the EA's own ask, so its terminal accepts it.</summary>
    public static OrderRequest BuyNearQuote(SimulatedEa ea)
    {
        Assert.True(ea.Terminal.TryGetTick("EURUSD", out var quote));
        var ask = (decimal)quote.Ask;
        return new OrderRequest("EURUSD", OrderSide.Buy, StopLoss: Math.Round(ask - 0.0050m, 5), TakeProfit: Math.Round(ask + 0.0050m, 5));
    }

    /// <summary>Runs the EA's timer until the command has been executed (or fails the test after 30 s).</summary>
    public static async Task<ExecutedCommand> PollUntilExecutedAsync(SimulatedEa ea, string commandId) =>
        (await PollUntilExecutedAsync(ea, [commandId]))[0];

    /// <summary>Runs the EA's timer until every one of the commands has been executed (or fails the test after 30 s); in the order executed.</summary>
    public static async Task<IReadOnlyList<ExecutedCommand>> PollUntilExecutedAsync(SimulatedEa ea, IReadOnlyCollection<string> commandIds)
    {
        var executed = new List<ExecutedCommand>();
        void OnExecuted(ExecutedCommand command)
        {
            if (commandIds.Contains(command.Id))
            {
                executed.Add(command);
            }
        }
        ea.CommandExecuted += OnExecuted;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (executed.Count < commandIds.Count)
            {
                await ea.TimerAsync(timeout.Token);
                await Task.Delay(20, timeout.Token);
            }
            return executed;
        }
        finally
        {
            ea.CommandExecuted -= OnExecuted;
        }
    }
}
