using System.Net;
using Microsoft.Extensions.Options;
using NgTradingBot.EaGateway.Auth;
using NgTradingBot.EaGateway.Commands;
using NgTradingBot.EaGateway.CoreApi;
using NgTradingBot.EaGateway.Ea;
using NgTradingBot.EaGateway.Heartbeat;
using NgTradingBot.EaGateway.Ingest;
using NgTradingBot.EaGateway.Telemetry;
using NgTradingBot.EaGateway.Traffic;

namespace NgTradingBot.EaGateway;

public static class ApplicationServiceExtensions
{
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddEaHandoff(traceCommands: false);

        builder.Services.AddOptions<EaGatewayOptions>()
            .BindConfiguration(EaGatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddHeartbeatAnswers();
        builder.Services.AddSingleton<EaAuthenticator>();
        builder.Services.AddHostedService<CredentialChanges>();
        builder.Services.AddSingleton<EaRateLimits>();
        builder.Services.AddSingleton<EaRoutes>();
        builder.Services.AddSingleton<TrafficRecorder>();
        builder.Services.AddHostedService<TrafficReporter>();
        builder.Services.AddSingleton<EaPipeline>();
        builder.Services.AddSingleton<IngestPublisher>();
        builder.Services.AddSingleton<CommandAvailability>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CommandAvailability>());
        builder.Services.AddSingleton<CommandDispenser>();
        builder.Services.AddHostedService<QuoteBoardWriter>();
        builder.Services.AddHttpClient<CoreEaClient>((services, client) =>
        {
            client.BaseAddress = new Uri("http://core");
            // Core's internal EA routes take only the gateway's own service key.
            client.DefaultRequestHeaders.Authorization = new("Bearer", services.GetRequiredService<IOptions<EaGatewayOptions>>().Value.ServiceKey);
        });
        builder.Services.AddHostedService<CoreWarmUp>();

        // One process, four listeners: the deployed EA sends each kind of traffic to its own port.
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = GetOptions(context.Configuration);
            var address = IPAddress.TryParse(options.BindAddress, out var parsed) ? parsed : IPAddress.Any;
            foreach (var port in new[] { options.Ports.Command, options.Ports.Ticks, options.Ports.Trades, options.Ports.Logs })
            {
                kestrel.Listen(address, port);
            }
        });
        return builder;
    }

    public static EaGatewayOptions GetOptions(IConfiguration configuration) =>
        configuration.GetSection(EaGatewayOptions.SectionName).Get<EaGatewayOptions>() ?? new EaGatewayOptions();
}
