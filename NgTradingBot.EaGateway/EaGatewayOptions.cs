using System.ComponentModel.DataAnnotations;
using System.Net;

namespace NgTradingBot.EaGateway;

/// <summary>Bound from <c>EaGateway</c>. The deployed EA hard-codes 9901-9903, so change those only behind port forwarding.</summary>
public sealed class EaGatewayOptions : IValidatableObject
{
    public const string SectionName = "EaGateway";

    /// <summary>The EA connects from a Windows VPS, so the default is every interface.</summary>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";

    [Required]
    public GatewayPorts Ports { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult($"EaGateway:BindAddress '{BindAddress}' is not an IP address.");
        }
        int[] ports = [Ports.Command, Ports.Ticks, Ports.Trades, Ports.Logs];
        if (ports.Any(p => p is < 1 or > 65535))
        {
            yield return new ValidationResult("EaGateway:Ports must be between 1 and 65535.");
        }
        if (ports.Distinct().Count() != ports.Length)
        {
            yield return new ValidationResult("EaGateway:Ports must be four different ports.");
        }
    }
}

public sealed class GatewayPorts
{
    public int Command { get; set; } = 9900;

    public int Ticks { get; set; } = 9901;

    public int Trades { get; set; } = 9902;

    public int Logs { get; set; } = 9903;
}
