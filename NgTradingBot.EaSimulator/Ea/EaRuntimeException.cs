namespace NgTradingBot.EaSimulator;

/// <summary>
/// A critical MQL runtime error (such as "array out of range") that makes MT5 unload the EA. Once thrown, the
/// simulated EA stays unloaded: no further handlers run and no OnDeinit is sent.
/// </summary>
public sealed class EaRuntimeException(string message) : Exception(message);
