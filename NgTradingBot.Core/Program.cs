using NgTradingBot.Core;
using NgTradingBot.Core.Accounts;
using NgTradingBot.Core.Api;
using NgTradingBot.Core.Commands;
using NgTradingBot.Core.EaInternal;
using NgTradingBot.Core.History;
using NgTradingBot.Core.Status;

var builder = WebApplication.CreateSlimBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseMiddleware<ApiErrorMiddleware>();
app.MapDefaultEndpoints();
app.MapStatusApi();
app.MapAccountsApi();
app.MapEaInternalApi();
app.MapCommandsApi();
app.MapHistoryApi();

app.Run();
