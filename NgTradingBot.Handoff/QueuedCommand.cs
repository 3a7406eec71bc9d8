namespace NgTradingBot.Handoff;

/// <summary>A command ready for delivery: its flat EA JSON object is written once, by Core, with the EA-safe writer.</summary>
/// <param name="Id">The id the EA receives and echoes (one per delivery attempt).</param>
/// <param name="Sequence">
/// The command's creation order, from PostgreSQL: FIFO within a priority, so a command queued again (by the relay,
/// or for a retry) keeps its place ahead of later ones instead of joining the end.
/// </param>
public sealed record QueuedCommand(string Id, long Login, int Priority, long Sequence, byte[] FlatJson);

public enum CancelOutcome { Cancelled, AlreadyDelivered, Unknown }
