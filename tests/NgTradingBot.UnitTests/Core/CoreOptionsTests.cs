using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using NgTradingBot.Core.Access;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.Connections;
using NgTradingBot.Core.Ingest;
using NgTradingBot.Core.MarketData;

namespace NgTradingBot.UnitTests.Core;

public sealed class CoreOptionsTests
{
    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        if (options is IValidatableObject validatable)
        {
            results.AddRange(validatable.Validate(new ValidationContext(options)));
        }

        return results;
    }

    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.Empty(Validate(new EnrollmentOptions()));
        Assert.Empty(Validate(new CommandOptions()));
        Assert.Empty(Validate(new IngestOptions()));
        Assert.Empty(Validate(new ConnectionHealthOptions()));
        Assert.Empty(Validate(new MarketDataOptions()));
        Assert.Equal(EnrollmentPolicy.Open, new EnrollmentOptions().Policy);
        Assert.Equal(["EURUSD", "GBPUSD", "USDJPY", "XAUUSD", "BTCUSD"], new EnrollmentOptions().EffectiveDefaultSymbols);
    }

    [Fact]
    public void CoreDoesNotStartWithoutBothKeys()
    {
        var key = new string('k', AccessOptions.MinimumKeyLength);

        Assert.Empty(Validate(new AccessOptions { OperatorKey = key, ServiceKey = key }));
        Assert.Contains(Validate(new AccessOptions { ServiceKey = key }), r => r.ErrorMessage!.Contains("Access:OperatorKey is required"));
        Assert.Contains(Validate(new AccessOptions { OperatorKey = key, ServiceKey = "short" }), r => r.ErrorMessage!.Contains("Access:ServiceKey must be at least"));
    }

    [Fact]
    public void RejectsUnusableValues()
    {
        Assert.Contains(Validate(new EnrollmentOptions { DefaultSymbols = ["EUR USD"] }), r => r.ErrorMessage!.Contains("not a valid symbol"));
        Assert.Contains(Validate(new EnrollmentOptions { KeyGracePeriod = TimeSpan.FromDays(2) }), r => r.ErrorMessage!.Contains("KeyGracePeriod"));
        Assert.Contains(Validate(new CommandOptions { ResponseTimeout = TimeSpan.Zero }), r => r.ErrorMessage!.Contains("ResponseTimeout"));
        Assert.Contains(Validate(new IngestOptions { BatchSize = 0 }), r => r.MemberNames.Contains(nameof(IngestOptions.BatchSize)));
        Assert.Contains(Validate(new IngestOptions { ConsumerName = "a b" }), r => r.MemberNames.Contains(nameof(IngestOptions.ConsumerName)));
        Assert.Contains(Validate(new IngestOptions { ClosePositionsMissingFor = TimeSpan.FromHours(2) }),
            r => r.MemberNames.Contains(nameof(IngestOptions.ClosePositionsMissingFor)));
        Assert.Contains(Validate(new CommandOptions { DefaultExpiresIn = TimeSpan.FromDays(2) }), r => r.ErrorMessage!.Contains("must not exceed MaxExpiresIn"));
        Assert.Contains(Validate(new ConnectionHealthOptions { StaleQuoteAfter = TimeSpan.Zero }),
            r => r.MemberNames.Contains(nameof(ConnectionHealthOptions.StaleQuoteAfter)));
        Assert.Contains(Validate(new ConnectionHealthOptions { DisconnectedAfterSilence = TimeSpan.FromSeconds(10) }),
            r => r.ErrorMessage!.Contains("longer than DegradedAfterSilence"));
        Assert.Contains(Validate(new MarketDataOptions { TickRetention = TimeSpan.FromHours(1) }),
            r => r.MemberNames.Contains(nameof(MarketDataOptions.TickRetention)));
        Assert.Contains(Validate(new MarketDataOptions { RetentionCheckInterval = TimeSpan.FromDays(2) }),
            r => r.MemberNames.Contains(nameof(MarketDataOptions.RetentionCheckInterval)));
    }

    [Fact]
    public void ANewAccountSubscribesToTheDefaultsItsBrokerOffersInConfiguredOrder()
    {
        Assert.Equal(["EURUSD", "XAUUSD"], AccountRegistry.DefaultSubscriptions(["EURUSD", "GBPUSD", "XAUUSD"], ["XAUUSD", "EURUSD", "DE40.c"]));
        Assert.Equal(["EURUSD", "GBPUSD"], AccountRegistry.DefaultSubscriptions(["EURUSD", "GBPUSD"], []));
    }

    [Theory]
    [InlineData("""{"symbols":["XAUUSD","DE40.c","#AAPL"]}""", null)]
    [InlineData("""["EURUSD"]""", null)]
    [InlineData("""{"symbols":["EUR USD"]}""", "must be a symbol name")]
    [InlineData("""{"symbols":["EURUSD","EURUSD"]}""", "repeats EURUSD")]
    [InlineData("""{"list":[]}""", "The body must be")]
    public void ValidatesASubscriptionList(string body, string? expectedError)
    {
        var symbols = AccountsApi.ReadSymbols(JsonDocument.Parse(body).RootElement, out var error);

        if (expectedError is null)
        {
            Assert.NotNull(symbols);
        }
        else
        {
            Assert.Null(symbols);
            Assert.Contains(expectedError, error);
        }
    }
}
