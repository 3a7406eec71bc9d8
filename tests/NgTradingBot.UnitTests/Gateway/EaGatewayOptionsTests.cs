using System.ComponentModel.DataAnnotations;
using NgTradingBot.EaGateway;

namespace NgTradingBot.UnitTests.Gateway;

public sealed class EaGatewayOptionsTests
{
    private static List<ValidationResult> Validate(EaGatewayOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    // The one setting without a default: the AppHost generates it.
    private const string ServiceKey = "a-service-key-of-24-or-more-chars";

    [Fact]
    public void TheDefaultsAreTheDeployedEasPorts()
    {
        var options = new EaGatewayOptions { ServiceKey = ServiceKey };

        Assert.Empty(Validate(options));
        Assert.Equal((9900, 9901, 9902, 9903), (options.Ports.Command, options.Ports.Ticks, options.Ports.Trades, options.Ports.Logs));
    }

    [Fact]
    public void RejectsDuplicatePorts()
    {
        var options = new EaGatewayOptions { ServiceKey = ServiceKey, Ports = new GatewayPorts { Ticks = 9900 } };

        Assert.Contains(Validate(options), r => r.ErrorMessage!.Contains("four different ports"));
    }

    [Fact]
    public void RejectsAnAddressThatIsNotAnIp()
    {
        Assert.Contains(Validate(new EaGatewayOptions { ServiceKey = ServiceKey, BindAddress = "everywhere" }), r => r.ErrorMessage!.Contains("not an IP address"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    public void RefusesToStartWithoutAServiceKeyForCore(string key)
    {
        Assert.Contains(Validate(new EaGatewayOptions { ServiceKey = key }), r => r.ErrorMessage!.Contains("EaGateway:ServiceKey"));
    }
}
