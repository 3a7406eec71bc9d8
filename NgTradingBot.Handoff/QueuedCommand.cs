namespace NgTradingBot.Handoff;

/// <summary>A command ready for delivery: its flat EA JSON object is written once, by Core, with the EA-safe writer.</summary>
/// <param name="Id">The id the EA receives and echoes (one per delivery attempt).</param>
/// <param name="Sequence">
/// The command's creation order, from PostgreSQL: FIFO within a priority, so a command queued again (by the relay,
/// or for a retry) keeps its place ahead of later ones instead of joining the end.
/// </param>
/// <param name="Limits">What the dequeue checks before it hands the command out.</param>
public sealed record QueuedCommand(string Id, long Login, int Priority, long Sequence, byte[] FlatJson, DeliveryLimits Limits);

/// <summary>
/// The last moment a command may be delivered, and for an order with a price guard the price it may have moved
/// from. The dequeue script checks both at the instant of delivery, so a signal past its time or its price is
/// EXPIRED instead of executed even between two passes of Core's expiry sweep.
/// </summary>
/// <param name="ExpiryReason">Why a command past <paramref name="Deadline"/> expires, as its transition says.</param>
public sealed record DeliveryLimits(DateTimeOffset Deadline, string ExpiryReason, PriceGuard? Guard = null);

/// <summary>
/// The order is delivered only while the side it trades at (ask for BUY, bid for SELL), as the EA last posted it,
/// lies within <paramref name="MaxDeviation"/> of <paramref name="Price"/>, and that quote is no older than
/// <paramref name="MaxQuoteAge"/>: without a fresh quote the price cannot be checked, so the order expires.
/// </summary>
public sealed record PriceGuard(string Symbol, bool Buy, decimal Price, decimal MaxDeviation, TimeSpan MaxQuoteAge);

public enum CancelOutcome { Cancelled, AlreadyDelivered, ExpiredAtDelivery, Unknown }
