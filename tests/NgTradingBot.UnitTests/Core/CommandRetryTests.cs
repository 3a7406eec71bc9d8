using System.Text.Json;
using NgTradingBot.Core.Commands;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.UnitTests.Core;

public sealed class CommandRetryTests
{
    private static readonly CommandRetryOptions Options = new() { MaxAttempts = 3, FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3), Jitter = 0.5 };
    private static readonly DateTimeOffset AnsweredAt = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private static JsonElement Answer(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData(CommandTypes.OpenTrade, """{"error":"Failed to get tick data"}""")]
    [InlineData(CommandTypes.OpenTrade, """{"error":"OrderSend failed","error_code":10018,"error_desc":"Market closed"}""")]
    [InlineData(CommandTypes.OpenTrade, """{"error":"OrderSend failed","error_code":10021,"error_desc":"No prices"}""")]
    [InlineData(CommandTypes.OpenTrade, """{"error":"OrderSend failed","error_code":10004,"error_desc":"Requote"}""")]
    [InlineData(CommandTypes.ModifyTrade, """{"error":"Modify failed","retcode":10018}""")]
    [InlineData(CommandTypes.CloseTrade, """{"error":"Close failed","retcode":10004}""")]
    [InlineData(CommandTypes.CloseTrade, """{"error":"OrderSend failed","error_code":10024,"error_desc":"Too many requests"}""")]
    [InlineData(CommandTypes.RequestHistoricalData, """{"error":"Failed to send historical data to server"}""")]
    [InlineData(CommandTypes.RequestHistoricalData, """{"error":"Failed to copy rates for EURUSD H1","bars_copied":0}""")]
    public void AFailureThatExecutedNothingIsRetried(string type, string response)
    {
        Assert.True(RetryableFailures.Judge(type, Answer(response)).Retryable);
    }

    [Theory]
    // Client errors: the same command fails again the same way.
    [InlineData(CommandTypes.OpenTrade, """{"error":"No symbol found"}""")]
    [InlineData(CommandTypes.OpenTrade, """{"error":"SL and TP are required and must not be 0"}""")]
    [InlineData(CommandTypes.OpenTrade, """{"error":"Invalid SL: 1.09000 >= Price: 1.08120 (BUY)","error_code":130}""")]
    [InlineData(CommandTypes.OpenTrade, """{"error":"Broker rejected SL/TP","error_code":10016,"error_desc":"Invalid stops","sl":1.0,"tp":1.1}""")]
    // A filling mode may have placed an order before the others failed.
    [InlineData(CommandTypes.OpenTrade, """{"error":"All filling modes failed","error_code":4756}""")]
    // The trade server may have executed it.
    [InlineData(CommandTypes.OpenTrade, """{"error":"OrderSend failed","error_code":10012,"error_desc":"Request timeout"}""")]
    [InlineData(CommandTypes.OpenTrade, """{"error":"OrderSend failed","error_code":10031,"error_desc":"No connection"}""")]
    [InlineData(CommandTypes.OpenTrade, """{"error":"OrderSend failed"}""")]
    [InlineData(CommandTypes.ModifyTrade, """{"error":"Position 42 not found. Total positions: 0"}""")]
    [InlineData(CommandTypes.ModifyTrade, """{"error":"Modify failed","retcode":10016}""")]
    [InlineData(CommandTypes.CloseTrade, """{"error":"Close failed","retcode":10030}""")]
    [InlineData(CommandTypes.RequestHistoricalData, """{"error":"Invalid timeframe"}""")]
    // A message that belongs to another type is not this type's.
    [InlineData(CommandTypes.ModifyTrade, """{"error":"Failed to get tick data"}""")]
    [InlineData(CommandTypes.OpenTrade, """{}""")]
    public void AFailureThatMayHaveExecutedOrWillFailAgainIsNotRetried(string type, string response)
    {
        var verdict = RetryableFailures.Judge(type, Answer(response));

        Assert.False(verdict.Retryable);
        Assert.NotEmpty(verdict.Reason);
    }

    [Fact]
    public void TheDelayDoublesPerAttemptUpToTheMaximumLessAJitteredShare()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RetryBackoff.Delay(1, Options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryBackoff.Delay(2, Options, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(3), RetryBackoff.Delay(3, Options, random: 0));
        Assert.InRange(RetryBackoff.Delay(3, Options, random: 0.999999), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.501));
        Assert.Equal(TimeSpan.FromSeconds(0.75), RetryBackoff.Delay(1, Options, random: 0.5));
    }

    [Fact]
    public void ARetryableFailureIsRetriedUntilTheLastAttempt()
    {
        var response = Answer("""{"error":"Failed to get tick data"}""");
        var expiresAt = AnsweredAt.AddMinutes(1);

        var first = RetryDecision.For(CommandTypes.OpenTrade, response, 1, AnsweredAt, expiresAt, Options, random: 0);
        var second = RetryDecision.For(CommandTypes.OpenTrade, response, 2, AnsweredAt, expiresAt, Options, random: 0);
        var third = RetryDecision.For(CommandTypes.OpenTrade, response, 3, AnsweredAt, expiresAt, Options, random: 0);

        Assert.True(first.Retry);
        Assert.Equal(AnsweredAt.AddSeconds(1), first.RetryAt);
        Assert.True(second.Retry);
        Assert.Equal(AnsweredAt.AddSeconds(2), second.RetryAt);
        Assert.False(third.Retry);
        Assert.Contains("attempt 3 of 3", third.Reason);
    }

    [Fact]
    public void NoRetryIsPlannedPastTheCommandsExpiry()
    {
        var decision = RetryDecision.For(CommandTypes.OpenTrade, Answer("""{"error":"Failed to get tick data"}"""), 1, AnsweredAt,
            AnsweredAt.AddMilliseconds(500), Options, random: 0);

        Assert.False(decision.Retry);
        Assert.Contains("expires_at", decision.Reason);
    }

    [Fact]
    public void EachAttemptHasItsOwnIdAndAnEchoedIdNamesItsAttempt()
    {
        const string id = "cmd_AbCdEfGhIjKlMnOpQrStUvWx";

        Assert.Equal(id, CommandAttempts.WireId(id, 1));
        Assert.Equal(id + "_2", CommandAttempts.WireId(id, 2));
        Assert.Equal((id, 1), CommandAttempts.Parse(id));
        Assert.Equal((id, 3), CommandAttempts.Parse(id + "_3"));
        // A random part of digits only is still the first attempt's id, not a suffix.
        Assert.Equal(("cmd_123456789012345678901234", 1), CommandAttempts.Parse("cmd_123456789012345678901234"));
        Assert.Equal((id + "_x", 1), CommandAttempts.Parse(id + "_x"));
        Assert.Equal((id + "_1", 1), CommandAttempts.Parse(id + "_1"));
        Assert.Equal(("auto_1a2b3c4d", 1), CommandAttempts.Parse("auto_1a2b3c4d"));
    }
}
