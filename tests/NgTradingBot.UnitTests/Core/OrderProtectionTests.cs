using System.Text.Json;
using NgTradingBot.Core.Commands;

namespace NgTradingBot.UnitTests.Core;

public sealed class OrderProtectionTests
{
    private static readonly CommandOptions Options = new();
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private const string Order = """{"symbol":"EURUSD","order_type":"SELL","sl":1.0900,"tp":1.0800}""";

    private static ValidatedCommand? Validate(CreateCommandRequest request, out string? error, string type = "OPEN_TRADE", string payload = Order) =>
        CommandRequestValidator.Validate(request with { Type = type, Payload = JsonDocument.Parse(payload).RootElement.Clone() }, Options, Now, out error);

    private static CreateCommandRequest Request() => new(null, null, null, null, null);

    [Fact]
    public void AnUnprotectedCommandHasNoProtection()
    {
        Assert.Null(Validate(Request(), out _)!.Protection);
    }

    [Fact]
    public void ATtlWithoutASignalTimeCountsFromReceiptAndItsOffsetBecomesUtc()
    {
        var fromReceipt = Validate(Request() with { TtlSeconds = 5 }, out _)!.Protection!;
        var signalled = Validate(Request() with { TtlSeconds = 5, SignalAt = new DateTimeOffset(2026, 12, 4, 11, 59, 58, TimeSpan.FromHours(2)) }, out _)!.Protection!;

        Assert.Equal(Now.AddSeconds(5), fromReceipt.TtlDeadline);
        Assert.Equal(TimeSpan.Zero, signalled.SignalAt!.Value.Offset);
        Assert.Equal(Now.AddSeconds(3), signalled.TtlDeadline);
    }

    [Theory]
    [InlineData(0, null, null, null, "ttlSeconds must be between 1 and 86400")]
    [InlineData(86_401, null, null, null, "ttlSeconds must be between 1 and 86400")]
    [InlineData(null, 0, null, null, "signalAt needs ttlSeconds")]
    [InlineData(5, 6, null, null, "signalAt lies more than 5 s in the future")]
    [InlineData(null, null, 1.085, null, "signalPrice and maxPriceDeviation go together")]
    [InlineData(null, null, null, 0.0005, "signalPrice and maxPriceDeviation go together")]
    [InlineData(null, null, 0.0, 0.0005, "signalPrice must be a price greater than 0")]
    [InlineData(null, null, 1.085, -0.1, "maxPriceDeviation must be greater than 0")]
    public void BadProtectionIsRefusedWithItsReason(int? ttl, int? signalInSeconds, double? price, double? deviation, string expected)
    {
        var request = Request() with
        {
            TtlSeconds = ttl,
            SignalAt = signalInSeconds is { } s ? Now.AddSeconds(s) : null,
            SignalPrice = (decimal?)price,
            MaxPriceDeviation = (decimal?)deviation,
        };

        Assert.Null(Validate(request, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void APriceGuardAppliesToOrdersOnly()
    {
        Assert.Null(Validate(Request() with { SignalPrice = 1.085m, MaxPriceDeviation = 0.0005m }, out var error, "CLOSE_TRADE", """{"ticket":5}"""));
        Assert.Equal("signalPrice and maxPriceDeviation apply to OPEN_TRADE only", error);
    }

    [Fact]
    public void TheExpiryReasonNamesTheTtlOnlyWhenTheTtlSetTheDeadline()
    {
        var protection = new OrderProtection(5, Now, null, null);

        Assert.StartsWith("signal older than its TTL of 5 s", OrderProtection.ExpiryReason(protection, Now.AddSeconds(5)));
        Assert.Equal(OrderProtection.DefaultExpiryReason, OrderProtection.ExpiryReason(null, Now.AddSeconds(5)));
        // The default expiry came first: the TTL had not run out.
        Assert.Equal(OrderProtection.DefaultExpiryReason, OrderProtection.ExpiryReason(protection, Now.AddSeconds(3)));
    }

    [Fact]
    public void TheDeliveryLimitsCarryTheGuardWithTheOrdersSymbolAndSide()
    {
        var protection = new OrderProtection(null, null, 1.0850m, 0.0005m);

        var limits = OrderProtection.LimitsFor(Order, OrderProtection.FromJson(protection.ToJson()), Now.AddMinutes(1), TimeSpan.FromSeconds(5));

        Assert.Equal(Now.AddMinutes(1), limits.Deadline);
        Assert.Equal(OrderProtection.DefaultExpiryReason, limits.ExpiryReason);
        Assert.Equal(new NgTradingBot.Handoff.PriceGuard("EURUSD", false, 1.0850m, 0.0005m, TimeSpan.FromSeconds(5)), limits.Guard);
        Assert.Null(OrderProtection.LimitsFor(Order, null, Now, TimeSpan.FromSeconds(5)).Guard);
    }
}
