namespace NgTradingBot.EaSimulator;

public sealed partial class SimulatedEa
{
    /// <summary>The EA seen from its command handlers.</summary>
    private sealed class CommandHost(SimulatedEa ea) : ICommandHost
    {
        public EaTerminal Terminal => ea.Terminal;

        public long MagicNumber => ea._options.MagicNumber;

        public Task LogAsync(string level, string message, string details, CancellationToken ct) => ea.SendLogAsync(level, message, details, ct);

        public Task RespondAsync(string commandId, string status, string responseJson, CancellationToken ct) =>
            ea.LosesResponseOf?.Invoke(commandId) == true
                ? Task.CompletedTask
                : ea.PostAsync(EaRoutes.CommandResponse, ea.ServerRoute(EaRoutes.CommandResponse), EaRequestBodies.CommandResponse(ea.Login, ea._apiKey, commandId, status, responseJson), false, ct);

        public async Task<int> UploadCandlesAsync(string symbol, string timeframe, IReadOnlyList<Bar> candles, CancellationToken ct)
        {
            if (ea._apiKey.Length == 0)
            {
                return 0;
            }
            var body = EaRequestBodies.Historical(ea.Login, symbol, timeframe, candles);
            var response = await ea.PostAsync(EaRoutes.Historical, ea.ServerRoute(EaRoutes.Historical), body, true, ct).ConfigureAwait(false);
            return response.Status;
        }

        public Task SleepAsync(TimeSpan delay, CancellationToken ct) => ea.SleepAsync(delay, ct);

        public void StoreCloseReason(ulong ticket, string reason) => ea._tracker.StoreServerReason(ticket, reason);
    }
}
