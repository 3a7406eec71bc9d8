using System.Net.Http.Json;
using System.Text.Json;
using NgTradingBot.AppHost.Hosting;
using NgTradingBot.AppHost.Hosting.Resources;
using NgTradingBot.EaSimulator;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>Simulated EAs pointed at the composition's gateway, and the strategy-side command API they execute.</summary>
public static class SimulatedEas
{
    public static SimulatedEa Create(DistributedApplication app, long login, Func<EaOptions, EaOptions>? configure = null)
    {
        var gateway = (ProjectResource)app.GetResource("gateway");
        var options = new EaOptions
        {
            Login = login,
            ServerUrl = gateway.GetEndpoint("command").Url,
            TicksUrl = gateway.GetEndpoint("ticks").Url + "/api/ticks",
            TradesUrl = gateway.GetEndpoint("trades").Url + "/api/trades/update",
            LogsUrl = gateway.GetEndpoint("logs").Url + "/api/log",
            AvailableSymbols = ["EURUSD", "GBPUSD", "XAUUSD"],
            HonourSleeps = false,
            Seed = (int)(login % 10_000),
        };
        return new SimulatedEa(configure is null ? options : configure(options));
    }

    /// <summary>Creates a command through Core's API, as a strategy would; returns its id.</summary>
    public static async Task<string> CreateCommandAsync(DistributedApplication app, long login, string type, object payload)
    {
        using var core = app.CreateHttpClient("core");
        using var response = await core.PostAsJsonAsync($"/api/accounts/{login}/commands", new { type, payload });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating {type} answered {(int)response.StatusCode}: {body}");
        }
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Runs the EA's timer until the command has been executed (or fails the test after 30 s).</summary>
    public static async Task<ExecutedCommand> PollUntilExecutedAsync(SimulatedEa ea, string commandId)
    {
        ExecutedCommand? executed = null;
        void OnExecuted(ExecutedCommand command)
        {
            if (command.Id == commandId)
            {
                executed = command;
            }
        }
        ea.CommandExecuted += OnExecuted;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (executed is null)
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
