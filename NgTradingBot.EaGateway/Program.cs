using NgTradingBot.EaGateway;
using NgTradingBot.EaGateway.Status;

var builder = WebApplication.CreateSlimBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapStatusApi();

app.Run();
