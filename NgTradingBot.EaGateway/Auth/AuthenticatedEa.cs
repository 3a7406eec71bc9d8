namespace NgTradingBot.EaGateway.Auth;

/// <summary>An EA whose login and key matched: every read and write it makes is scoped to this account.</summary>
public sealed record AuthenticatedEa(long Login, long AccountId);
