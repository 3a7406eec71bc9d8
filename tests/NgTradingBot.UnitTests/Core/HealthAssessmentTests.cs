using NgTradingBot.Core.Connections;

namespace NgTradingBot.UnitTests.Core;

public sealed class HealthAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly ConnectionHealthOptions Options = new();

    private static HealthInputs Busy(Func<HealthInputs, HealthInputs>? change = null)
    {
        var inputs = new HealthInputs(ConnectionStates.Connected, Now.AddHours(-1), null, Now.AddSeconds(-1), Now.AddMilliseconds(-50),
            Now.AddSeconds(-2), Now.AddSeconds(-1), 0, null, 1000, 0, 20);
        return change is null ? inputs : change(inputs);
    }

    [Fact]
    public void ABusyEaIsHealthyAtFullScoreWithNoReasons()
    {
        var verdict = HealthAssessment.Assess(Busy(), Now, Options);

        Assert.Equal((ConnectionStates.Connected, 100m, true, (string?)null), (verdict.State, verdict.Score, verdict.IsHealthy, verdict.Cause));
        Assert.Empty(verdict.Reasons);
    }

    [Fact]
    public void SilenceDegradesThenDisconnectsWithTheSilenceAsCause()
    {
        var quiet = Busy(c => c with { LastSeenAt = Now.AddSeconds(-45), LastRequestAt = Now.AddSeconds(-45) });
        var gone = Busy(c => c with { LastSeenAt = Now.AddSeconds(-61), LastRequestAt = Now.AddSeconds(-61) });

        var degraded = HealthAssessment.Assess(quiet, Now, Options);
        var disconnected = HealthAssessment.Assess(gone with { State = ConnectionStates.Degraded }, Now, Options);

        Assert.Equal(ConnectionStates.Degraded, degraded.State);
        Assert.Equal(["no request for 45 s"], degraded.Reasons);
        Assert.Equal("no request for 45 s", degraded.Cause);
        Assert.False(degraded.IsHealthy);
        Assert.Equal(ConnectionStates.Disconnected, disconnected.State);
        Assert.Equal("no request for 61 s", disconnected.Cause);
    }

    [Fact]
    public void CommandPollsAloneKeepAnEaAliveOnAClosedMarketWithoutHeartbeats()
    {
        // The weekend: no quote has moved the broker clock for an hour, no heartbeat since, but the 50 ms polls go on.
        var weekend = Busy(c => c with { LastSeenAt = Now.AddHours(-1), LastHeartbeatAt = Now.AddHours(-1), BrokerTimeMovedAt = Now.AddHours(-1) });

        var verdict = HealthAssessment.Assess(weekend, Now, Options);

        Assert.Equal(ConnectionStates.Connected, verdict.State);
        Assert.True(verdict.IsHealthy);
        Assert.Equal(100, verdict.Score);
    }

    [Fact]
    public void MissingHeartbeatsWhileTheMarketIsOpenMakeItUnhealthyWithAReason()
    {
        var verdict = HealthAssessment.Assess(Busy(c => c with { LastHeartbeatAt = Now.AddSeconds(-90) }), Now, Options);

        Assert.False(verdict.IsHealthy);
        Assert.Equal(["no heartbeat for 90 s while the market is open"], verdict.Reasons);
        Assert.Equal(70, verdict.Score);
    }

    [Fact]
    public void RefusalsInARowCostTheScoreAndFailTheConnectionAtTheLimit()
    {
        var three = HealthAssessment.Assess(Busy(c => c with { ConsecutiveRefusals = 3, LastRefusal = "heartbeat 403: Invalid API key" }), Now, Options);
        var many = HealthAssessment.Assess(Busy(c => c with { ConsecutiveRefusals = Options.FailedAfterRefusals, LastRefusal = "ticks 401: x" }), Now, Options);

        Assert.Equal(["3 refused requests in a row (last: heartbeat 403: Invalid API key)"], three.Reasons);
        Assert.Equal(70, three.Score);
        Assert.False(three.IsHealthy);
        Assert.Equal(ConnectionStates.Connected, three.State);
        Assert.Equal(ConnectionStates.Failed, many.State);
        Assert.StartsWith("10 refused requests in a row", many.Cause);
    }

    [Fact]
    public void ARecentErrorRateAndSlowHeartbeatsAreReasonsToo()
    {
        var verdict = HealthAssessment.Assess(Busy(c => c with { AnsweredSinceLastCheck = 90, RefusedSinceLastCheck = 10, HeartbeatLatencyMs = 1500 }),
            Now, Options);

        Assert.Equal(["10.0 % of recent requests refused", "heartbeats take 1500 ms to answer"], verdict.Reasons);
        Assert.Equal(84, verdict.Score);
        Assert.True(verdict.IsHealthy);
    }

    [Fact]
    public void AGoodbyeStandsUntilNewerTrafficIsAnswered()
    {
        var said = Busy(c => c with { State = ConnectionStates.Disconnected, DisconnectedAt = Now.AddSeconds(-1), LastSeenAt = Now.AddSeconds(-2), LastRequestAt = Now.AddSeconds(-2) });
        var knocking = said with { LastRequestAt = Now, ConsecutiveRefusals = 2 };
        var back = said with { LastRequestAt = Now };

        Assert.Equal(ConnectionStates.Disconnected, HealthAssessment.Assess(said, Now, Options).State);
        Assert.Null(HealthAssessment.Assess(said, Now, Options).Cause);
        Assert.Equal(ConnectionStates.Disconnected, HealthAssessment.Assess(knocking, Now, Options).State);
        Assert.Equal(ConnectionStates.Connected, HealthAssessment.Assess(back, Now, Options).State);
        Assert.Equal(ConnectionStates.Failed, HealthAssessment.Assess(knocking with { ConsecutiveRefusals = 10 }, Now, Options).State);
    }

    [Fact]
    public void AQuoteStandingStillWhileTheMarketIsOpenIsNamedWithItsAge()
    {
        var quotes = new List<QuoteAge> { new("EURUSD", Now.AddSeconds(-70)), new("GBPUSD", Now.AddSeconds(-1)) };

        var verdict = HealthAssessment.Assess(Busy(c => c with { Quotes = quotes }), Now, Options);

        Assert.Equal(["EURUSD quotes unchanged for 70 s while the market is open"], verdict.Reasons);
        Assert.Equal(95, verdict.Score);
    }

    [Fact]
    public void AQuoteIsStaleOnlyForTheTimeTheBrokerClockKeptMovingAfterIt()
    {
        // The clock stopped 30 s ago (the market is closing: it counts as closed after 120 s). EURUSD last changed 40 s
        // before that, GBPUSD 70 s before: only GBPUSD stood still for a minute of moving clock.
        var quotes = new List<QuoteAge> { new("EURUSD", Now.AddSeconds(-70)), new("GBPUSD", Now.AddSeconds(-100)) };
        var closing = Busy(c => c with { LastHeartbeatAt = Now.AddSeconds(-30), BrokerTimeMovedAt = Now.AddSeconds(-30), Quotes = quotes });

        var verdict = HealthAssessment.Assess(closing, Now, Options);

        Assert.Equal(["GBPUSD quotes unchanged for 100 s while the market is open"], verdict.Reasons);
        Assert.Equal(95, verdict.Score);
    }

    [Fact]
    public void QuotesStandingStillOnAClosedMarketCostNothing()
    {
        var quotes = new List<QuoteAge> { new("EURUSD", Now.AddHours(-1)) };
        var weekend = Busy(c => c with { LastHeartbeatAt = Now.AddHours(-1), BrokerTimeMovedAt = Now.AddHours(-1), Quotes = quotes });

        var verdict = HealthAssessment.Assess(weekend, Now, Options);

        Assert.Empty(verdict.Reasons);
        Assert.Equal(100, verdict.Score);
    }
}
