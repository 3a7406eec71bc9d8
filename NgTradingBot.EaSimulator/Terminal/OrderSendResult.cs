namespace NgTradingBot.EaSimulator;

/// <summary>
/// What <c>OrderSend</c> gives back: whether it returned true, <c>result.retcode</c>, <c>GetLastError()</c> when
/// it returned false, and the fill.
/// </summary>
public sealed record OrderSendResult(bool Sent, uint Retcode, int LastError, ulong Order, double Price, double Volume)
{
    public bool Done => Sent && Retcode == TradeCodes.Done;

    public static OrderSendResult Filled(ulong order, double price, double volume) => new(true, TradeCodes.Done, 0, order, price, volume);

    /// <summary>
    /// A broker rejection. MT5 usually reports it as OrderSend false with error 4756, the retcode still in the
    /// result; <paramref name="asRetcode"/> models terminals that return true with the retcode instead.
    /// </summary>
    public static OrderSendResult Rejected(uint retcode, bool asRetcode) =>
        asRetcode ? new(true, retcode, 0, 0, 0, 0) : new(false, retcode, TradeCodes.ErrTradeSendFailed, 0, 0, 0);
}
