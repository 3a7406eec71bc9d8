using NgTradingBot.Web.Status;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddHttpClient<CoreStatusClient>(client =>
{
    client.BaseAddress = new Uri("http://core");
    // The status document is the operator's; the AppHost hands Web the operator key.
    client.DefaultRequestHeaders.Authorization = new("Bearer", builder.Configuration["Core:OperatorKey"]
        ?? throw new InvalidOperationException("Core:OperatorKey is required (the AppHost sets it)."));
});

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapSystemStatusApi();
app.MapGet("/", () => Results.Content(
    "<!doctype html><html><head><title>NgTradingBot</title></head><body><h1>NgTradingBot</h1><p>Live status: <a href=\"/api/system/status\">/api/system/status</a></p></body></html>",
    "text/html"));

app.Run();
