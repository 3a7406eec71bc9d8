#pragma warning disable ASPIREINTERACTION001 // the dashboard's input dialogs are marked experimental
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NgTradingBot.AppHost.Operator;

/// <summary>
/// "Send a test order" on Core in the dashboard: the migration guide's step 6 (a small position opened and
/// closed by hand to prove the EA executes what the server sends). Shown only while Core is healthy; it asks
/// for the account and the order, then for confirmation, and goes through Core's validated command API.
/// </summary>
public static class TestOrderCommand
{
    public const string Name = "send-test-order";
    public const decimal DefaultVolume = 0.01m;

    public static IResourceBuilder<ProjectResource> WithTestOrderCommand(this IResourceBuilder<ProjectResource> core, IResourceBuilder<ParameterResource> operatorKey) =>
        core.WithCommand(Name, "Send a test order", context => SendAsync(core.Resource, operatorKey.Resource, context), new CommandOptions
        {
            Description = "Opens a small position on one account's terminal through Core's command API (migration guide, step 6).",
            IconName = "Send",
            UpdateState = state => state.ResourceSnapshot.HealthStatus == HealthStatus.Healthy
                ? ResourceCommandState.Enabled
                : ResourceCommandState.Hidden,
        });

    private static async Task<ExecuteCommandResult> SendAsync(ProjectResource core, ParameterResource operatorKey, ExecuteCommandContext context)
    {
        var interaction = context.Services.GetRequiredService<IInteractionService>();
        if (!interaction.IsAvailable)
        {
            return CommandResults.Failure("Sending a test order needs the dashboard to ask for the order.");
        }
        var api = new CoreCommandApi(new Uri(core.GetEndpoint("http").Url), (await operatorKey.GetValueAsync(context.CancellationToken))!);
        var accounts = await api.ListActiveAccountsAsync(context.CancellationToken);
        if (accounts.Count == 0)
        {
            return CommandResults.Failure("No account is enrolled yet: connect an EA first.");
        }

        var inputs = await interaction.PromptInputsAsync("Send a test order",
            "A real order on the terminal: use a demo account or the smallest volume. The EA refuses stops on the wrong side of the price.",
            [
                new InteractionInput { Name = "account", Label = "Account", InputType = InputType.Choice, Required = true,
                    Options = [.. accounts.Select(a => KeyValuePair.Create(a.Login.ToString(CultureInfo.InvariantCulture),
                        $"{a.Login} ({a.Broker}, {a.ConnectionState ?? "never connected"})"))] },
                new InteractionInput { Name = "symbol", Label = "Symbol", InputType = InputType.Text, Required = true, Value = "EURUSD" },
                new InteractionInput { Name = "side", Label = "Side", InputType = InputType.Choice, Required = true, Value = "BUY",
                    Options = [KeyValuePair.Create("BUY", "Buy"), KeyValuePair.Create("SELL", "Sell")] },
                new InteractionInput { Name = "volume", Label = "Volume (lots)", InputType = InputType.Number, Required = true,
                    Value = DefaultVolume.ToString(CultureInfo.InvariantCulture) },
                new InteractionInput { Name = "sl", Label = "Stop loss (price)", InputType = InputType.Number, Required = true },
                new InteractionInput { Name = "tp", Label = "Take profit (price)", InputType = InputType.Number, Required = true },
            ],
            cancellationToken: context.CancellationToken);
        if (inputs.Canceled)
        {
            return CommandResults.Canceled();
        }

        var order = inputs.Data;
        var login = long.Parse(order["account"].Value!, CultureInfo.InvariantCulture);
        var summary = $"{order["side"].Value} {order["volume"].Value} {order["symbol"].Value} on account {login}, SL {order["sl"].Value}, TP {order["tp"].Value}";
        var confirmed = await interaction.PromptConfirmationAsync("Send this order?", summary, cancellationToken: context.CancellationToken);
        if (confirmed.Canceled || !confirmed.Data)
        {
            return CommandResults.Canceled();
        }

        var created = await api.CreateOpenTradeAsync(login, new
        {
            symbol = order["symbol"].Value,
            order_type = order["side"].Value,
            volume = decimal.Parse(order["volume"].Value!, CultureInfo.InvariantCulture),
            sl = decimal.Parse(order["sl"].Value!, CultureInfo.InvariantCulture),
            tp = decimal.Parse(order["tp"].Value!, CultureInfo.InvariantCulture),
            comment = "dashboard test order",
        }, context.CancellationToken);
        if (!created.Success)
        {
            return CommandResults.Failure(created.Message);
        }
        await interaction.PromptNotificationAsync("Test order queued", created.Message, cancellationToken: context.CancellationToken);
        return CommandResults.Success();
    }
}
