using Microsoft.Extensions.DependencyInjection.Extensions;
using NgTradingBot.Client;
using NgTradingBot.Web.Access;
using NgTradingBot.Web.Commands;
using NgTradingBot.Web.Fleet;
using NgTradingBot.Web.Status;

namespace NgTradingBot.Web;

public static class WebServiceExtensions
{
    /// <summary>Every registration of the status UI: access, Core's client, the live feeds, the Blazor components.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddOperatorAccess();
        builder.AddRedisClient("redis");

        // Core over HTTP as the operator: the AppHost hands Web the operator key; the person signed in never sees Core's API.
        var operatorKey = builder.Configuration["Core:OperatorKey"]!;
        builder.Services.AddHttpClient<CoreStatusClient>(client =>
        {
            client.BaseAddress = new Uri("http://core");
            client.DefaultRequestHeaders.Authorization = new("Bearer", operatorKey);
        });
        builder.Services.AddHttpClient("core", client => client.BaseAddress = new Uri("http://core"));
        builder.Services.AddSingleton(services => new OperatorClient(services.GetRequiredService<IHttpClientFactory>().CreateClient("core"), operatorKey));

        builder.Services.AddOptions<FleetOptions>().BindConfiguration(FleetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CommandChangeFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CommandChangeFeed>());
        builder.Services.AddSingleton<FleetFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FleetFeed>());

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }
}
