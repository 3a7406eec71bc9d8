using NgTradingBot.EaGateway;
using NgTradingBot.EaGateway.Ea;
using NgTradingBot.EaGateway.Routes;
using NgTradingBot.EaGateway.Status;

var builder = WebApplication.CreateSlimBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
var ports = ApplicationServiceExtensions.GetOptions(app.Configuration).Ports;

app.UseEaErrorHandling();
app.UseEaPathNormalization();
app.MapDefaultEndpoints();
app.MapStatusApi(ports.Command);
app.MapCommandAndControlApi(ports.Command);
app.MapTicksApi(ports.Ticks);
app.MapTradesApi(ports.Trades);
app.MapLogsApi(ports.Logs);

app.Run();
