using System.Diagnostics;
using OpenTelemetry.Trace;

namespace NgTradingBot.ServiceDefaults.Telemetry;

/// <summary>
/// Every request is traced whole (its database and cache calls follow it); a database or cache call made outside
/// any request (the ingest loop's, hundreds a second) starts a trace of its own only at <see cref="TraceSamplingOptions.BackgroundRatio"/>.
/// </summary>
internal sealed class RequestFirstSampler(TraceSamplingOptions options) : Sampler
{
    private readonly Sampler _sampler = new ParentBasedSampler(new RootSampler(options.BackgroundRatio));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) => _sampler.ShouldSample(samplingParameters);

    private sealed class RootSampler(double backgroundRatio) : Sampler
    {
        private readonly Sampler _background = new TraceIdRatioBasedSampler(backgroundRatio);
        private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            samplingParameters.Kind is ActivityKind.Client or ActivityKind.Producer ? _background.ShouldSample(samplingParameters) : Sampled;
    }
}
