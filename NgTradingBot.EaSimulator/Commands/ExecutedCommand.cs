namespace NgTradingBot.EaSimulator;

/// <summary>
/// A command the EA received and handled.
/// </summary>
/// <param name="Status">"completed" or "failed" as sent in /api/command_response; "ignored" for an unknown type,
/// for which the EA sends no response at all.</param>
/// <param name="ResponseJson">The raw <c>response</c> object sent; "" when ignored.</param>
/// <param name="CommandJson">The command object as the EA cut it out of the server's answer.</param>
public sealed record ExecutedCommand(string Id, string Type, string Status, string ResponseJson, string CommandJson);
