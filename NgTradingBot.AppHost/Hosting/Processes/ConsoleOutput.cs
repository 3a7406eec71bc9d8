namespace NgTradingBot.AppHost.Hosting.Processes;

/// <summary>One writer for the AppHost's own lines and every child's, so lines never interleave.</summary>
public static class ConsoleOutput
{
    private static readonly Lock Gate = new();

    /// <summary>Tests silence the children's output; the AppHost's own lines still show.</summary>
    public static bool ForwardChildOutput { get; set; } = true;

    public static void AppHost(string message) => Write("apphost", message);

    public static void Child(string resource, string line)
    {
        if (ForwardChildOutput)
        {
            Write(resource, line);
        }
    }

    private static void Write(string source, string message)
    {
        lock (Gate)
        {
            Console.Out.WriteLine($"[{source}] {message}");
        }
    }
}
