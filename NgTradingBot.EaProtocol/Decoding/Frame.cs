namespace NgTradingBot.EaProtocol.Decoding;

/// <summary>
/// One open container in the repair parser. An immutable linked stack, so a choice point can keep the
/// whole nesting state by holding a single reference.
/// </summary>
internal sealed record Frame(bool IsObject, Frame? Parent);
