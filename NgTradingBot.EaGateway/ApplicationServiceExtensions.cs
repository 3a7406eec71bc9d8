using System.Net;
using Microsoft.Extensions.Options;

namespace NgTradingBot.EaGateway;

public static class ApplicationServiceExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");

        builder.Services.AddOptions<EaGatewayOptions>()
            .BindConfiguration(EaGatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // One process, four listeners: the deployed EA sends each kind of traffic to its own port.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = context.Configuration.GetSection(EaGatewayOptions.SectionName).Get<EaGatewayOptions>() ?? new EaGatewayOptions();
            var address = IPAddress.TryParse(options.BindAddress, out var parsed) ? parsed : IPAddress.Any;
            foreach (var port in new[] { options.Ports.Command, options.Ports.Ticks, options.Ports.Trades, options.Ports.Logs })
            {
                kestrel.Listen(address, port);
            }
        });
        return builder;
    }
}
