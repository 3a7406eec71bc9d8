namespace NgTradingBot.EaProtocol.Requests;

/// <summary>An array element that was dropped instead of failing the whole request.</summary>
/// <param name="Index">Position in the array as sent.</param>
/// <param name="Reason">Why, naming the field ("ticks[3].bid must be greater than 0").</param>
public sealed record RejectedItem(int Index, string Reason);
