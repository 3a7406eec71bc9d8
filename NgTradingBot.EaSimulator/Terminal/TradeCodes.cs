namespace NgTradingBot.EaSimulator;

/// <summary>MT5 trade-server return codes and the EA's error descriptions.</summary>
public static class TradeCodes
{
    public const uint Done = 10009;
    public const uint InvalidVolume = 10014;
    public const uint InvalidStops = 10016;
    public const uint TradeDisabled = 10017;
    public const uint NoMoney = 10019;
    public const uint NoChanges = 10025;
    public const uint InvalidFill = 10030;
    public const uint LongOnly = 10042;
    public const uint ShortOnly = 10043;
    public const uint CloseOnly = 10044;

    /// <summary>ERR_TRADE_SEND_FAILED, what GetLastError() says after most broker rejections.</summary>
    public const int ErrTradeSendFailed = 4756;

    /// <summary>ERR_WEBREQUEST_TIMEOUT and ERR_WEBREQUEST_REQUEST_FAILED, behind a WebRequest status of -1.</summary>
    public const int ErrWebRequestTimeout = 5202;
    public const int ErrWebRequestFailed = 5203;

    public static string RetcodeDescription(uint retcode) => retcode switch
    {
        10004 => "Requote",
        10006 => "Request rejected",
        Done => "Request completed",
        10013 => "Invalid request",
        InvalidVolume => "Invalid volume",
        10015 => "Invalid price",
        InvalidStops => "Invalid stops (SL/TP)",
        TradeDisabled => "Trade disabled",
        10018 => "Market closed",
        NoMoney => "Not enough money",
        NoChanges => "No changes in request",
        10029 => "Order or position frozen",
        InvalidFill => "Invalid order filling type",
        LongOnly => "Only long positions allowed",
        ShortOnly => "Only short positions allowed",
        CloseOnly => "Only position closing allowed",
        _ => "Unknown retcode",
    };

    /// <summary>The EA's ErrorDescription(), used for <c>error_desc</c>.</summary>
    public static string ErrorDescription(int code) => code switch
    {
        0 => "Success",
        ErrTradeSendFailed => "Invalid filling mode / Wrong request structure",
        4753 => "Order sending function not found",
        4754 => "Function cannot be called",
        >= 10004 and <= 10036 => RetcodeDescription((uint)code),
        _ => "Unknown error",
    };
}
