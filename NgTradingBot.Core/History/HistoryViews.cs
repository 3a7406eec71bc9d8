using System.Text.Json;

namespace NgTradingBot.Core.History;

/// <summary>One page of a history list, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record HistoryPage<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A quote as the EA sent it; <see cref="Time"/> is true UTC, <see cref="BrokerTime"/> the broker's clock as sent.</summary>
public sealed record TickView(string Symbol, decimal Bid, decimal Ask, long Volume, DateTimeOffset Time, long BrokerTime, DateTimeOffset ReceivedAt);

/// <summary>A bar of the account's broker; <see cref="OpenTime"/> is UTC by the broker's estimated offset.</summary>
public sealed record BarView(DateTime OpenTime, long OpenTimeBroker, decimal Open, decimal High, decimal Low, decimal Close, long Volume);

public sealed record TransactionView(long Ticket, string Type, decimal Amount, decimal? Balance, string Comment, DateTime Time, long BrokerTime,
    DateTimeOffset ReceivedAt);

public sealed record EquityPoint(DateTimeOffset At, decimal? Balance, decimal? Equity, decimal? Margin, decimal? FreeMargin, decimal? FloatingProfit);

public sealed record EaLogView(long Id, string Level, string Message, string? Details, DateTimeOffset ReceivedAt);

public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string? Subject, JsonElement? Data);

/// <summary>A position as the EA last reported it; <see cref="CloseReason"/> says why a closed one closed (TP, SL, manual, ...).</summary>
public sealed record PositionView(long Ticket, string Symbol, string Direction, decimal Volume, decimal? OpenPrice, decimal? ClosePrice, decimal? Sl,
    decimal? Tp, decimal? Profit, string Status, string? CloseReason, string? CommandId, DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt);

public sealed record ConnectionEventView(long Id, DateTimeOffset At, string Event, string? Detail);
