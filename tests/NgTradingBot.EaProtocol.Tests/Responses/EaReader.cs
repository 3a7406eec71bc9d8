namespace NgTradingBot.EaProtocol.Tests.Responses;

/// <summary>
/// Response bytes as text, so tests can compare the exact wire output. How the EA then reads that text is
/// not reproduced here: the tests use the simulator's <see cref="NgTradingBot.EaSimulator.EaResponseParser"/>,
/// the single implementation of ServerConnector.mq5's substring reading.
/// </summary>
internal static class EaReader
{
    public static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);
}
