using NgTradingBot.Web;
using NgTradingBot.Web.Access;
using NgTradingBot.Web.Components;
using NgTradingBot.Web.Status;

var builder = WebApplication.CreateBuilder(args);
// Blazor's own script (_framework/blazor.web.js) is a static web asset of the framework: outside Development only a
// published app has it on disk, so an AppHost or test run of the build maps it from the build's manifest (a published
// app has no manifest, and this does nothing there).
builder.WebHost.UseStaticWebAssets();

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapSystemStatusApi();
app.MapSignOut();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
