namespace NgTradingBot.EaProtocol.Domain;

/// <summary>Outcome of one command, as reported in /api/command_response.</summary>
public enum CommandResultStatus { Completed, Failed }
