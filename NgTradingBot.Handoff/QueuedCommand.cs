namespace NgTradingBot.Handoff;

/// <summary>A command ready for delivery: its flat EA JSON object is written once, by Core, with the EA-safe writer.</summary>
public sealed record QueuedCommand(string Id, long Login, int Priority, byte[] FlatJson);

public enum CancelOutcome { Cancelled, AlreadyDelivered, Unknown }
