using NgTradingBot.EaGateway.CoreApi;
using NgTradingBot.EaGateway.Ea;
using NgTradingBot.EaGateway.Heartbeat;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.EaProtocol.Responses;
using NgTradingBot.Handoff;

namespace NgTradingBot.EaGateway.Routes;

/// <summary>Port 9900 (the EA's <c>ServerURL</c>): registration, symbols, history, heartbeat, commands, account events.</summary>
public static class CommandAndControlApi
{
    public static IEndpointRouteBuilder MapCommandAndControlApi(this IEndpointRouteBuilder app, int port)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(new LocalPortFilter(port, "command & control"));
        api.MapPost("/connect", ConnectAsync);
        api.MapPost("/symbols", SymbolsAsync);
        api.MapPost("/symbol_specs", SymbolSpecsAsync);
        api.MapPost("/ohlc/coverage", CoverageAsync);
        api.MapPost("/ohlc/historical", HistoricalAsync);
        api.MapPost("/heartbeat", HeartbeatAsync);
        api.MapPost("/get_commands", GetCommandsAsync);
        api.MapPost("/command_response", CommandResponseAsync);
        api.MapPost("/profit_update", ProfitUpdateAsync);
        api.MapPost("/transaction", TransactionAsync);
        api.MapPost("/disconnect", DisconnectAsync);
        return app;
    }

    // No key at connect: the EA identifies itself by login only (contract 3.2). Core issues the key.
    private static Task<IResult> ConnectAsync(HttpContext http, [AsParameters] EaServices ea, CoreEaClient core, StreamingLedger ledger) =>
        ea.HandleAsync(http, ea.Routes.Connect, ConnectRequest.Parse, async (_, request) =>
        {
            if (!ea.RateLimits.AllowConnect(request.Account))
            {
                return EaResult.Error(StatusCodes.Status429TooManyRequests, "Too many connects for this account; slow down");
            }
            var outcome = await core.ConnectAsync(request.Account, request.Broker, request.AvailableSymbols,
                http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
            ea.Authenticator.Forget(request.Account);
            if (outcome is { Outcome: "active", ApiKey: not null })
            {
                await ledger.ConnectedAsync(request.Account);
            }
            return outcome switch
            {
                { Outcome: "active", ApiKey: { } key } => EaResult.Ok(EaResponses.Connect(key, new EaField("message", "Connected successfully"))),
                { Outcome: "pending" } => EaResult.Error(StatusCodes.Status403Forbidden, "Account is awaiting operator approval"),
                _ => EaResult.Error(StatusCodes.Status403Forbidden, "Account is blocked"),
            };
        });

    // A served list is noted before it goes out: symbol recovery must never send this EA a shorter one.
    private static Task<IResult> SymbolsAsync(HttpContext http, [AsParameters] EaServices ea, CoreEaClient core, StreamingLedger ledger) =>
        ea.HandleAsync(http, ea.Routes.Symbols, SymbolsRequest.Parse, async (inbound, _) =>
        {
            var list = await core.GetSymbolsAsync(inbound.Account.Login, http.RequestAborted);
            if (list.Symbols.Count > 0)
            {
                await ledger.ServedAsync(inbound.Account.Login, list.Symbols.Count);
            }
            return EaResult.Ok(EaResponses.Symbols(list.Symbols, new EaField("count", list.Symbols.Count)));
        });

    // Coverage carries no account, only the X-API-Key header (contract 5.4). Bars differ per broker, so
    // the key tells whose broker to measure; like the legacy server the route stays open, and an
    // unidentified caller is told to upload (an upload costs little; a wrong "covered" loses history).
    private static Task<IResult> CoverageAsync(HttpContext http, [AsParameters] EaServices ea, CoreEaClient core) =>
        ea.HandleAsync(http, ea.Routes.OhlcCoverage, OhlcCoverageRequest.Parse, async (_, request) =>
        {
            var caller = await ea.Authenticator.IdentifyAsync(http.Request.Headers[EaPipeline.ApiKeyHeader].FirstOrDefault());
            var coverage = await core.GetCoverageAsync(caller?.Login, request.Symbol, request.Timeframe.ToString(), request.RequiredBars, http.RequestAborted);
            return EaResult.Ok(EaResponses.Coverage(coverage.CoveragePercent, coverage.NeedsUpdate,
                new EaField("bar_count", coverage.BarCount), new EaField("expected_bars", coverage.ExpectedBars)));
        });

    private static Task<IResult> GetCommandsAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.HandleAsync(http, ea.Routes.GetCommands, GetCommandsRequest.Parse,
            async (inbound, _) => EaResult.Ok(await ea.Commands.TakeAsync(inbound.Account, "get_commands")));

    // An EA may only answer its own commands: an id that is unknown or belongs to another account is 404.
    private static Task<IResult> CommandResponseAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.HandleAsync(http, ea.Routes.CommandResponse, CommandResponseRequest.Parse, async (inbound, request) =>
        {
            return await ea.Ingest.PublishAnswerAsync(request.CommandId, inbound.Account, http, inbound.Body.Root)
                ? EaResult.Ok(EaResponses.Success)
                : EaResult.Error(StatusCodes.Status404NotFound, "Command not found");
        });

    private static Task<IResult> SymbolSpecsAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.SymbolSpecs, IngestKinds.SymbolSpecs, SymbolSpecsRequest.Parse,
            request => EaResponses.SuccessWith(new EaField("updated", request.Symbols.Count)));

    private static Task<IResult> HistoricalAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.OhlcHistorical, IngestKinds.OhlcHistorical, OhlcHistoricalRequest.Parse,
            request => EaResponses.SuccessWith(new EaField("received", request.Candles.Count)));

    // The heartbeat is durable before anything is taken for its answer (commands, a recovery list).
    private static Task<IResult> HeartbeatAsync(HttpContext http, [AsParameters] EaServices ea, CoreEaClient core, HeartbeatAnswers answers) =>
        ea.HandleAsync(http, ea.Routes.Heartbeat, HeartbeatRequest.Parse, async (inbound, _) =>
        {
            await ea.Ingest.PublishAsync(IngestKinds.Heartbeat, inbound.Account, http, inbound.Body.Root);
            return EaResult.Ok(await answers.AnswerAsync(inbound.Account, core));
        });

    private static Task<IResult> ProfitUpdateAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.ProfitUpdate, IngestKinds.ProfitUpdate, ProfitUpdateRequest.Parse, _ => EaResponses.Success);

    private static Task<IResult> TransactionAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.Transaction, IngestKinds.Transaction, TransactionRequest.Parse,
            _ => EaResponses.SuccessWith(new EaField("message", "Transaction recorded")));

    private static Task<IResult> DisconnectAsync(HttpContext http, [AsParameters] EaServices ea) =>
        ea.IngestAsync(http, ea.Routes.Disconnect, IngestKinds.Disconnect, DisconnectRequest.Parse, _ => EaResponses.Success);
}
