namespace NgTradingBot.Bench;

/// <summary>
/// The machine's steal time from /proc/stat: on a shared virtual machine it says how much of a window the
/// hypervisor gave to other guests, which is what makes two runs of the same build differ.
/// </summary>
public static class MachineSteal
{
    public static (long Steal, long Total) Read()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        // user nice system idle iowait irq softirq steal (guest times are already inside user and nice)
        return (fields.Length > 7 ? fields[7] : 0, fields.Take(8).Sum());
    }

    public static double PercentBetween((long Steal, long Total) before, (long Steal, long Total) after) =>
        after.Total == before.Total ? 0 : 100.0 * (after.Steal - before.Steal) / (after.Total - before.Total);
}
