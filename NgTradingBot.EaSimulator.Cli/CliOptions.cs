using System.Globalization;
using NgTradingBot.EaSimulator;

namespace NgTradingBot.EaSimulator.Cli;

/// <summary>Command-line settings, parsed by hand (System.CommandLine is not among the central package versions).</summary>
internal sealed record CliOptions
{
    public const string Usage = """
        Usage: ea-simulator [options]
          --server URL              ServerURL of the EA (default http://127.0.0.1:9900)
          --ticks-url URL           full tick URL (default: server host, port 9901, /api/ticks)
          --trades-url URL          full trade-update URL (default: server host, port 9902, /api/trades/update)
          --logs-url URL            full log URL (default: server host, port 9903, /api/log)
          --count N                 number of EAs (default 1)
          --login-base N            first login (default 50000000)
          --symbols A,B,...         symbols the broker offers (default: common forex, metals, crypto, indices)
          --chart SYMBOL            chart symbol driving heartbeats (default: first of --symbols)
          --duration 60s            stop after this long (ms, s, m, h; default: until Ctrl+C)
          --seed N                  seed of prices and faults (default 1)
          --timer 50ms              OnTimer period
          --heartbeat 2s            heartbeat interval (broker time)
          --broker NAME             ACCOUNT_COMPANY, sent unescaped
          --api-key KEY             key the EA starts with (api_key.txt)
          --broker-offset-seconds N broker time minus UTC (default 7200)
          --drop P                  probability a response is lost (EA sees -1)
          --disconnect P            probability a request never reaches the server
          --slow P --slow-delay 4s  probability and size of a held-back reply
          --no-sleeps               skip the EA's Sleep() calls
          --stats-every 5s          statistics line period
          --help
        """;

    public bool Help { get; init; }
    public string Server { get; init; } = "http://127.0.0.1:9900";
    public string? TicksUrlOverride { get; init; }
    public string? TradesUrlOverride { get; init; }
    public string? LogsUrlOverride { get; init; }
    public int Count { get; init; } = 1;
    public long LoginBase { get; init; } = 50_000_000;
    public IReadOnlyList<string> Symbols { get; init; } = SymbolCatalog.CommonSymbols;
    public string? Chart { get; init; }
    public TimeSpan? Duration { get; init; }
    public int Seed { get; init; } = 1;
    public TimeSpan Timer { get; init; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(2);
    public string Broker { get; init; } = "Example Markets Ltd";
    public string ApiKey { get; init; } = "";
    public int BrokerOffsetSeconds { get; init; } = 7200;
    public EaFaults Faults { get; init; } = EaFaults.None;
    public bool NoSleeps { get; init; }
    public TimeSpan StatsEvery { get; init; } = TimeSpan.FromSeconds(5);

    public string TicksUrl => TicksUrlOverride ?? SiblingPort(9901, EaRoutes.Ticks);
    public string TradesUrl => TradesUrlOverride ?? SiblingPort(9902, EaRoutes.TradeUpdate);
    public string LogsUrl => LogsUrlOverride ?? SiblingPort(9903, EaRoutes.Log);

    public EaOptions ToEaOptions() => new()
    {
        ApiKey = ApiKey,
        Broker = Broker,
        ServerUrl = Server,
        TicksUrl = TicksUrl,
        TradesUrl = TradesUrl,
        LogsUrl = LogsUrl,
        AvailableSymbols = Symbols,
        ChartSymbol = Chart ?? Symbols[0],
        Seed = Seed,
        TimerInterval = Timer,
        HeartbeatInterval = Heartbeat,
        BrokerUtcOffsetSeconds = BrokerOffsetSeconds,
        Faults = Faults,
        HonourSleeps = !NoSleeps,
        JournalCapacity = 0,
    };

    public static bool TryParse(string[] args, out CliOptions options, out string error)
    {
        options = new CliOptions();
        error = "";
        try
        {
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
                options = args[i] switch
                {
                    "--help" or "-h" => options with { Help = true },
                    "--server" => options with { Server = Next() },
                    "--ticks-url" => options with { TicksUrlOverride = Next() },
                    "--trades-url" => options with { TradesUrlOverride = Next() },
                    "--logs-url" => options with { LogsUrlOverride = Next() },
                    "--count" => options with { Count = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--login-base" => options with { LoginBase = long.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--symbols" => options with { Symbols = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    "--chart" => options with { Chart = Next() },
                    "--duration" => options with { Duration = DurationParser.Parse(Next()) },
                    "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--timer" => options with { Timer = DurationParser.Parse(Next()) },
                    "--heartbeat" => options with { Heartbeat = DurationParser.Parse(Next()) },
                    "--broker" => options with { Broker = Next() },
                    "--api-key" => options with { ApiKey = Next() },
                    "--broker-offset-seconds" => options with { BrokerOffsetSeconds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                    "--drop" => options with { Faults = options.Faults with { DropResponseProbability = Probability(Next()) } },
                    "--disconnect" => options with { Faults = options.Faults with { DisconnectProbability = Probability(Next()) } },
                    "--slow" => options with { Faults = options.Faults with { SlowReplyProbability = Probability(Next()) } },
                    "--slow-delay" => options with { Faults = options.Faults with { SlowReplyDelay = DurationParser.Parse(Next()) } },
                    "--no-sleeps" => options with { NoSleeps = true },
                    "--stats-every" => options with { StatsEvery = DurationParser.Parse(Next()) },
                    _ => throw new FormatException($"Unknown option '{args[i]}'."),
                };
            }
            if (options.Count < 1 || options.LoginBase < 1 || options.Symbols.Count == 0 || options.StatsEvery <= TimeSpan.Zero)
            {
                throw new FormatException("--count and --login-base must be positive, --symbols not empty, --stats-every positive.");
            }
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
        catch (OverflowException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static double Probability(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private string SiblingPort(int port, string path) =>
        Uri.TryCreate(Server, UriKind.Absolute, out var uri) ? new UriBuilder(uri.Scheme, uri.Host, port, path).Uri.ToString() : Server;
}
