namespace NgTradingBot.AppHost.Hosting.Processes;

/// <summary>
/// One writer for the AppHost's own lines and every child's, so lines never interleave. The last
/// lines of each resource are also kept, so a test that silences the console can still say why a
/// service failed to start.
/// </summary>
public static class ConsoleOutput
{
    private const int KeptLinesPerResource = 200;
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, Queue<string>> Recent = [];

    /// <summary>Tests silence the children's output; the AppHost's own lines still show.</summary>
    public static bool ForwardChildOutput { get; set; } = true;

    public static void AppHost(string message) => Write("apphost", message, forward: true);

    public static void Child(string resource, string line) => Write(resource, line, ForwardChildOutput);

    public static IReadOnlyList<string> RecentLines(string resource)
    {
        lock (Gate)
        {
            return Recent.TryGetValue(resource, out var lines) ? [.. lines] : [];
        }
    }

    private static void Write(string source, string message, bool forward)
    {
        lock (Gate)
        {
            if (!Recent.TryGetValue(source, out var lines))
            {
                Recent[source] = lines = new Queue<string>();
            }
            lines.Enqueue(message);
            if (lines.Count > KeptLinesPerResource)
            {
                lines.Dequeue();
            }
            if (forward)
            {
                Console.Out.WriteLine($"[{source}] {message}");
            }
        }
    }
}
