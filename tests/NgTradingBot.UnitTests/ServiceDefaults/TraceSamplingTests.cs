using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using NgTradingBot.ServiceDefaults.Telemetry;
using OpenTelemetry.Trace;

namespace NgTradingBot.UnitTests.ServiceDefaults;

/// <summary>Which requests and store calls get a trace: the EA's 50 ms traffic by a share, everything else whole.</summary>
public sealed class TraceSamplingTests
{
    private static readonly TraceSamplingOptions NoneOfTheTimer = new() { HighFrequencyPaths = ["/api/ticks", "/api/get_commands"], HighFrequencyRatio = 0.0, BackgroundRatio = 0.0 };
    private static readonly TraceSamplingOptions AllOfTheTimer = new() { HighFrequencyPaths = ["/api/ticks", "/api/get_commands"], HighFrequencyRatio = 1.0, BackgroundRatio = 1.0 };

    [Theory]
    [InlineData("/api/ticks", false)]
    [InlineData("//api/ticks", false)]
    [InlineData("/api/get_commands", false)]
    [InlineData("/api/connect", true)]
    [InlineData("/api/trades/sync", true)]
    [InlineData("/health", false)]
    [InlineData("/alive", false)]
    public void HighFrequencyPathsAreTracedAtTheirRatioAndProbesNever(string path, bool traced)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        Assert.Equal(traced, new HighFrequencyRequestFilter(NoneOfTheTimer).ShouldTrace(context));
    }

    [Fact]
    public void AtRatioOneEveryHighFrequencyRequestIsTraced()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/ticks";

        Assert.True(new HighFrequencyRequestFilter(AllOfTheTimer).ShouldTrace(context));
    }

    [Theory]
    [InlineData(ActivityKind.Server, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Internal, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Client, SamplingDecision.Drop)]
    [InlineData(ActivityKind.Producer, SamplingDecision.Drop)]
    public void ARootStoreCallIsSampledAtTheBackgroundRatioAndEverythingElseAlways(ActivityKind kind, SamplingDecision expected)
    {
        var parameters = new SamplingParameters(default, ActivityTraceId.CreateRandom(), "XREADGROUP", kind);

        Assert.Equal(expected, new RequestFirstSampler(NoneOfTheTimer).ShouldSample(parameters).Decision);
    }

    [Fact]
    public void AStoreCallInsideATracedRequestFollowsTheRequest()
    {
        var traced = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var parameters = new SamplingParameters(traced, traced.TraceId, "XADD", ActivityKind.Client);

        Assert.Equal(SamplingDecision.RecordAndSample, new RequestFirstSampler(NoneOfTheTimer).ShouldSample(parameters).Decision);
    }
}
