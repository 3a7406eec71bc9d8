namespace NgTradingBot.EaSimulator;

/// <summary>
/// A command object as the EA reads it (see <see cref="EaResponseParser.ParseCommand"/>). Every field is what
/// the EA's substring search yields, so a missing or malformed key reads as "" or 0, never as an error.
/// </summary>
/// <param name="Raw">The object text from its <c>{</c> to the next <c>}</c>.</param>
/// <param name="Volume">Null when <c>"volume":</c> is absent (OPEN_TRADE then uses 0.01).</param>
/// <param name="Ticket">Digits found within 30 characters after <c>"ticket":</c>; 0 when none.</param>
/// <param name="Reason">First quoted token within 100 characters after <c>"reason":</c>.</param>
/// <param name="TrailingStop">Only the literals <c>"trailing_stop":true</c> or <c>"trailing_stop": true</c>.</param>
public sealed record EaCommand(
    string Raw,
    string Id,
    string Type,
    string Symbol,
    string OrderType,
    string Comment,
    string Timeframe,
    double? Volume,
    double Sl,
    double Tp,
    ulong Ticket,
    long StartDate,
    long EndDate,
    string Reason,
    bool TrailingStop);
