namespace NgTradingBot.Client;

/// <summary>An operator's ruling on an OUTCOME_UNKNOWN command: COMPLETED (with the ticket, when known) or FAILED, and why.</summary>
public sealed record Resolution(string Status, string Reason, long? Ticket = null);
