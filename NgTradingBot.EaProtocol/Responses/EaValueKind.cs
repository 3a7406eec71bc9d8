namespace NgTradingBot.EaProtocol.Responses;

public enum EaValueKind { Text, Decimal, Double, Integer, Boolean }
