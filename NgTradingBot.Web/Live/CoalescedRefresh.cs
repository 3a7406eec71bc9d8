namespace NgTradingBot.Web.Live;

/// <summary>
/// Turns a burst of announcements into one reload: the first one schedules a reload after <see cref="Delay"/>, the
/// others until then ride along. A page showing 100 commands reads them once per burst, not once per transition.
/// </summary>
public sealed class CoalescedRefresh(Func<Task> reload)
{
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(150);

    private int _scheduled;

    public void Request()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(Delay);
            Volatile.Write(ref _scheduled, 0);
            await reload();
        });
    }
}
