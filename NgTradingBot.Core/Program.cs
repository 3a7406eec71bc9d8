using NgTradingBot.Core;
using NgTradingBot.Core.Status;

var builder = WebApplication.CreateSlimBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapStatusApi();

app.Run();
