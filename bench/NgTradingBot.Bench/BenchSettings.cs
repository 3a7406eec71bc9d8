using System.Globalization;

namespace NgTradingBot.Bench;

public sealed record BenchSettings(int[] EaCounts, TimeSpan Warmup, TimeSpan Duration, int Symbols, double CommandsPerSecond, bool Telemetry = true,
    int ReconcilePositions = 0, int OrderAccounts = 0, int OrderConcurrency = 256, int OrderBatch = 1)
{
    public const string Usage = """
        dotnet run -c Release --project bench/NgTradingBot.Bench -- [--eas 50,100,200] [--warmup 150s] [--duration 30s] [--symbols 5] [--commands-per-second 2] [--telemetry on|off] [--reconcile 500] [--orders 50] [--order-strategies 256] [--order-batch 1]
        Boots the whole composition (Release build, free ports, throwaway data), runs each fleet size of simulated
        EAs at the deployed cadence (50 ms timer, every symbol each tick, 10 s position sync) and prints the figures.
        Telemetry on (the default) exports every service's OTLP to a sink, as beside the dashboard; off exports nothing.
        --reconcile N first times Core reconciling one account with N open positions; --eas 0 then skips the fleet.
        --orders N first sends orders through the typed client to N wire-level EAs that answer them at once, with
        --order-strategies callers each waiting on its order's outcome (warm-up up to 20 s, then --duration).
        --order-batch N above 1: each caller sends N orders in one request and follows their outcomes on its
        account's event stream instead of one long poll per order.
        """;

    public static BenchSettings Parse(string[] args)
    {
        // A minute of warm-up: the services JIT their whole stack to tier 1 under load, which on two busy cores takes that long.
        var settings = new BenchSettings([50, 100, 200], TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(30), 5, 2);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            settings = args[i] switch
            {
                "--eas" => settings with { EaCounts = args[i + 1].Split(',').Select(int.Parse).ToArray() },
                "--warmup" => settings with { Warmup = Seconds(args[i + 1]) },
                "--duration" => settings with { Duration = Seconds(args[i + 1]) },
                "--symbols" => settings with { Symbols = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--commands-per-second" => settings with { CommandsPerSecond = double.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--orders" => settings with { OrderAccounts = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--order-batch" => settings with { OrderBatch = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--order-strategies" => settings with { OrderConcurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--reconcile" => settings with { ReconcilePositions = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--telemetry" => settings with { Telemetry = args[i + 1] is "on" ? true : args[i + 1] is "off" ? false : throw new ArgumentException(Usage) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}"),
            };
        }
        if (args.Length % 2 != 0 || settings.EaCounts.Any(n => n < 0) || settings.ReconcilePositions is < 0 or > 10_000 || settings.OrderAccounts is < 0 or > 1000 || settings.OrderConcurrency is < 1 or > 5000 || settings.OrderBatch is < 1 or > 1000 || settings.Duration <= TimeSpan.Zero || settings.Symbols is < 1 or > 20)
        {
            throw new ArgumentException(Usage);
        }
        return settings;
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture));
}
