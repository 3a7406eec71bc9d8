using NgTradingBot.Core;
using NgTradingBot.Core.Access;
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
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapStatusApi();
app.MapAccountsApi();
app.MapEaInternalApi();
app.MapCommandsApi();
app.MapHistoryApi();
app.MapKeysApi();
app.MapApiReference();

app.Run();
