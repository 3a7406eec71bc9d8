using System.Runtime.InteropServices;
using NgTradingBot.EaSimulator;
using NgTradingBot.EaSimulator.Cli;

if (!CliOptions.TryParse(args, out var cli, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(CliOptions.Usage);
    return 2;
}
if (cli.Help)
{
    Console.WriteLine(CliOptions.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
if (cli.Duration is { } duration)
{
    stop.CancelAfter(duration);
}

try
{
    await using var fleet = new EaFleet(cli.ToEaOptions(), cli.Count, cli.LoginBase);
    var reporter = new StatusReporter(fleet, Console.Out);
    Console.WriteLine($"Simulating {cli.Count} EA(s), logins {cli.LoginBase}..{cli.LoginBase + cli.Count - 1}, server {cli.Server}, ticks {cli.TicksUrl}");
    var run = fleet.RunAsync(stop.Token);
    await reporter.ReportWhileRunningAsync(run, cli.StatsEvery);
    await run;
    reporter.PrintSummary();
    return 0;
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
