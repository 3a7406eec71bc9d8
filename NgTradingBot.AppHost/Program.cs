using NgTradingBot.AppHost;
using NgTradingBot.AppHost.Infrastructure;
using NgTradingBot.AppHost.Operator;
using NgTradingBot.AppHost.Services;

var builder = DistributedApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, AppHostOptions.Switches);
var setup = AppHostSetup.Create(builder);

// Infrastructure
var database = builder.AddTradingDatabase(setup, serverName: "postgres", databaseName: "ngtradingbot");
var redis = builder.AddDurableRedis(setup, "redis");
var keys = AccessKeys.Add(builder, setup);

// Services
var core = builder.AddProject<Projects.NgTradingBot_Core>("core")
    .WithLoopbackHttpEndpoint(setup, defaultPort: 9910)
    .WithReference(database).WaitFor(database)
    .WithReference(redis).WaitFor(redis)
    .WithEnvironment("Access__OperatorKey", keys.Operator)
    .WithEnvironment("Access__ServiceKey", keys.Service)
    .WithHttpHealthCheck("/health")
    .WithTestOrderCommand(keys.Operator)
    .RestartedWhenCrashed();

var gateway = builder.AddProject<Projects.NgTradingBot_EaGateway>("gateway")
    .WithEaEndpoints(setup)
    .WithReference(redis).WaitFor(redis)
    .WithReference(core).WaitFor(core)
    .WithEnvironment("EaGateway__ServiceKey", keys.Service)
    .WithHttpHealthCheck("/health", endpointName: "command")
    .RestartedWhenCrashed();

// UI
builder.AddProject<Projects.NgTradingBot_Web>("web")
    .WithLoopbackHttpEndpoint(setup, defaultPort: 9905)
    .WithReference(redis).WaitFor(redis)
    .WithReference(core).WaitFor(core)
    .WithEnvironment("Core__OperatorKey", keys.Operator)
    .WithHttpHealthCheck("/health")
    .RestartedWhenCrashed();

if (setup.Options.SimulateEas > 0)
{
    builder.AddSimulatedEas("ea-simulator", gateway, setup.Options.SimulateEas);
}

if (setup.FindProblem() is { } problem)
{
    Console.Error.WriteLine(problem);
    return 2;
}

builder.Build().Run();
return 0;
