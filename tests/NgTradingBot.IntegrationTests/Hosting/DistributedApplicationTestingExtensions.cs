using NgTradingBot.AppHost.Hosting;
using NgTradingBot.AppHost.Hosting.Resources;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>The helpers of Aspire.Hosting.Testing, under the same names, so tests port to it directly.</summary>
public static class DistributedApplicationTestingExtensions
{
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string endpointName = "http") =>
        new() { BaseAddress = new Uri(((ProjectResource)app.GetResource(resourceName)).GetEndpoint(endpointName).Url), Timeout = TimeSpan.FromSeconds(30) };

    public static string GetConnectionString(this DistributedApplication app, string resourceName) =>
        ((IResourceWithConnectionString)app.GetResource(resourceName)).ConnectionString;

    /// <summary>Waits until the resource runs and, for a service, its /health answers 200.</summary>
    public static async Task WaitForResourceHealthyAsync(this DistributedApplication app, string resourceName, TimeSpan? timeout = null)
    {
        var resource = app.GetResource(resourceName);
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(1));
        while (true)
        {
            if (resource.State == ResourceState.Running && await AnswersHealthyAsync(app, resource, cts.Token))
            {
                return;
            }
            try
            {
                await Task.Delay(100, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{resourceName} was not healthy in time; state {resource.State} ({resource.StateDetail}).");
            }
        }
    }

    private static async Task<bool> AnswersHealthyAsync(DistributedApplication app, Resource resource, CancellationToken cancellationToken)
    {
        if (resource is not ProjectResource project)
        {
            return true;
        }
        try
        {
            using var client = app.CreateHttpClient(resource.Name, project.Endpoints[0].Name);
            using var response = await client.GetAsync("/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
