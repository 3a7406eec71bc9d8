namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>The settings that decide what a batch writes beyond the messages themselves.</summary>
/// <param name="ClosePositionsMissingFor">See <see cref="IngestOptions.ClosePositionsMissingFor"/>.</param>
/// <param name="EquitySampleInterval">See <see cref="MarketData.MarketDataOptions.EquitySampleInterval"/>.</param>
public sealed record IngestWritePolicy(TimeSpan ClosePositionsMissingFor, TimeSpan EquitySampleInterval);
