namespace NgTradingBot.Core.Commands;

/// <summary>
/// The body of <c>POST /api/accounts/{login}/commands/batch</c>:
/// <c>{"commands":[{"idempotencyKey":"signal-1","command":{"type":"OPEN_TRADE",...}},...]}</c>, each command as
/// <see cref="CreateCommandRequest"/>; the key is optional and plays the role of the single create's Idempotency-Key header.
/// </summary>
public sealed record CreateCommandBatchRequest(IReadOnlyList<BatchedCommandRequest?>? Commands);

public sealed record BatchedCommandRequest(string? IdempotencyKey, CreateCommandRequest? Command);
