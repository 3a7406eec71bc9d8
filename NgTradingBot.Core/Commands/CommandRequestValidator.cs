using System.Text.Json;
using NgTradingBot.Core.Accounts;
using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Checks a command request the way the deployed EA will (contract sections 7.2-7.5), so a command the
/// EA would reject, misread or never answer is refused with a 400 instead of being queued.
/// </summary>
public static class CommandRequestValidator
{
    public const int MaxCommentLength = 31;
    public const int MaxReasonLength = 64;
    public const int MaxCreatedByLength = 64;
    public const decimal DefaultVolume = 0.01m;
    public const string DefaultCloseReason = "SERVER_CLOSE";

    private static readonly Dictionary<string, string[]> KnownFields = new(StringComparer.Ordinal)
    {
        [CommandTypes.OpenTrade] = ["symbol", "order_type", "volume", "sl", "tp", "comment"],
        [CommandTypes.ModifyTrade] = ["ticket", "sl", "tp", "trailing_stop", "symbol"],
        [CommandTypes.CloseTrade] = ["ticket", "reason"],
        [CommandTypes.RequestHistoricalData] = ["symbol", "timeframe", "start_date", "end_date"],
    };

    public static string SupportedTypes => string.Join(", ", KnownFields.Keys);

    /// <summary>The validated command, or null with the first problem found.</summary>
    /// <param name="now">The receipt time: a protected command's signal time when it gives none.</param>
    public static ValidatedCommand? Validate(CreateCommandRequest request, CommandOptions options, DateTimeOffset now, out string? error)
    {
        var type = request.Type?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(type) || !KnownFields.TryGetValue(type, out var known))
        {
            error = string.IsNullOrEmpty(type)
                ? $"type is required; supported types: {SupportedTypes}"
                : $"Unknown command type {request.Type}; supported types: {SupportedTypes}";
            return null;
        }

        var priority = 2;
        error = request.Priority is not null && !CommandPriority.TryParse(request.Priority, out priority)
                ? $"priority must be one of {string.Join(", ", CommandPriority.Names)}"
            : request.ExpiresInSeconds is <= 0 || request.ExpiresInSeconds > options.MaxExpiresIn.TotalSeconds
                ? $"expiresInSeconds must be between 1 and {(int)options.MaxExpiresIn.TotalSeconds}"
            : request.CreatedBy is { Length: > MaxCreatedByLength } ? $"createdBy must be at most {MaxCreatedByLength} characters"
            : request.Payload is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) } ? "payload must be a JSON object"
            : UnknownField(type, request.Payload, known);
        if (error is not null)
        {
            return null;
        }

        var reader = new PayloadReader(type, request.Payload ?? default);
        var ticket = type switch
        {
            CommandTypes.OpenTrade => ReadOpenTrade(reader),
            CommandTypes.ModifyTrade => ReadModifyTrade(reader),
            CommandTypes.CloseTrade => ReadCloseTrade(reader),
            _ => ReadHistoricalData(reader),
        };
        error = reader.Error ?? Preflight(type, reader.Fields);
        if (error is not null)
        {
            return null;
        }

        var protection = ReadProtection(type, request, options, now, out error);
        if (error is not null)
        {
            return null;
        }

        var expiresIn = request.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : options.DefaultExpiresIn;
        return new ValidatedCommand(type, priority, reader.Fields, expiresIn, ticket, request.CreatedBy, protection);
    }

    /// <summary>The TTL and price guard, both optional; a signal time alone, or half a guard, protects nothing and is refused.</summary>
    private static OrderProtection? ReadProtection(string type, CreateCommandRequest request, CommandOptions options, DateTimeOffset now, out string? error)
    {
        var maxTtl = (int)options.MaxExpiresIn.TotalSeconds;
        error = request.TtlSeconds is <= 0 || request.TtlSeconds > maxTtl ? $"ttlSeconds must be between 1 and {maxTtl}"
            : request.SignalAt is not null && request.TtlSeconds is null ? "signalAt needs ttlSeconds (the signal's time to live)"
            : request.SignalAt > now + options.MaxSignalClockSkew
                ? $"signalAt lies more than {options.MaxSignalClockSkew.TotalSeconds:0.###} s in the future; check the strategy's clock"
            : (request.SignalPrice is null) != (request.MaxPriceDeviation is null) ? "signalPrice and maxPriceDeviation go together"
            : request.SignalPrice is not null && type != CommandTypes.OpenTrade ? "signalPrice and maxPriceDeviation apply to OPEN_TRADE only"
            : request.SignalPrice is <= 0m ? "signalPrice must be a price greater than 0"
            : request.MaxPriceDeviation is <= 0m ? "maxPriceDeviation must be greater than 0 (in price units, like signalPrice)"
            : null;
        if (error is not null || (request.TtlSeconds is null && request.SignalPrice is null))
        {
            return null;
        }

        return new OrderProtection(request.TtlSeconds, request.TtlSeconds is null ? null : (request.SignalAt ?? now).ToUniversalTime(),
            request.SignalPrice, request.MaxPriceDeviation);
    }

    private static long? ReadOpenTrade(PayloadReader reader)
    {
        var symbol = reader.Text("symbol", required: true);
        reader.Require(reader.Error is not null || SymbolName.IsValid(symbol), $"OPEN_TRADE symbol must be a symbol name ({SymbolName.Rule})");
        var orderType = reader.Text("order_type", required: true)?.ToUpperInvariant();
        reader.Require(reader.Error is not null || orderType is "BUY" or "SELL", "OPEN_TRADE order_type must be BUY or SELL");
        var volume = reader.Number("volume", required: false) ?? DefaultVolume;
        reader.Require(volume > 0m, "OPEN_TRADE volume must be greater than 0");
        var (sl, tp) = ReadStops(reader);
        reader.Require(reader.Error is not null || (orderType == "BUY" ? sl < tp : sl > tp),
            $"OPEN_TRADE {orderType} needs sl {(orderType == "BUY" ? "below" : "above")} tp (the EA rejects stops on the wrong side of the price)");
        var comment = reader.Text("comment", required: false);
        reader.Require(comment is not { Length: > MaxCommentLength }, $"OPEN_TRADE comment must be at most {MaxCommentLength} characters (MT5 cuts it)");
        if (reader.Error is not null)
        {
            return null;
        }

        reader.Add("symbol", symbol!);
        reader.Add("order_type", orderType!);
        reader.Add("volume", volume);
        reader.Add("sl", sl);
        reader.Add("tp", tp);
        if (comment is not null)
        {
            reader.Add("comment", comment);
        }

        return null;
    }

    private static long? ReadModifyTrade(PayloadReader reader)
    {
        var ticket = ReadTicket(reader);
        var (sl, tp) = ReadStops(reader);
        var trailing = reader.Boolean("trailing_stop");
        var symbol = reader.Text("symbol", required: false);
        reader.Require(symbol is null || SymbolName.IsValid(symbol), $"MODIFY_TRADE symbol must be a symbol name ({SymbolName.Rule})");
        if (reader.Error is not null)
        {
            return null;
        }

        reader.Add("ticket", ticket);
        reader.Add("sl", sl);
        reader.Add("tp", tp);
        if (trailing is { } isTrailing)
        {
            reader.Add("trailing_stop", isTrailing);
        }

        if (symbol is not null)
        {
            reader.Add("symbol", symbol);
        }

        return ticket;
    }

    private static long? ReadCloseTrade(PayloadReader reader)
    {
        var ticket = ReadTicket(reader);
        // Always a quoted string: the EA reads the first "..." after "reason":, so without one it would
        // take the next key's name as the close reason.
        var reason = reader.Text("reason", required: false) ?? DefaultCloseReason;
        reader.Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= MaxReasonLength,
            $"CLOSE_TRADE reason must be 1 to {MaxReasonLength} characters");
        if (reader.Error is not null)
        {
            return null;
        }

        reader.Add("ticket", ticket);
        reader.Add("reason", reason);
        return ticket;
    }

    private static long? ReadHistoricalData(PayloadReader reader)
    {
        var symbol = reader.Text("symbol", required: true);
        reader.Require(reader.Error is not null || SymbolName.IsValid(symbol), $"REQUEST_HISTORICAL_DATA symbol must be a symbol name ({SymbolName.Rule})");
        var timeframeText = reader.Text("timeframe", required: true);
        reader.Require(reader.Error is not null || EaWireNames.Timeframes.TryParse(timeframeText, out _),
            $"REQUEST_HISTORICAL_DATA timeframe must be one of {EaWireNames.Timeframes.Expected}");
        var start = reader.Integer("start_date", required: true) ?? 0;
        var end = reader.Integer("end_date", required: true) ?? 0;
        reader.Require(start > 0 && end > 0, "REQUEST_HISTORICAL_DATA start_date and end_date must be positive Unix seconds (broker time)");
        reader.Require(start < end, "REQUEST_HISTORICAL_DATA start_date must be before end_date");
        if (reader.Error is not null || !EaWireNames.Timeframes.TryParse(timeframeText, out var timeframe))
        {
            return null;
        }

        reader.Add("symbol", symbol!);
        reader.Add("timeframe", EaWireNames.Timeframes.ToWire(timeframe));
        reader.Add("start_date", start);
        reader.Add("end_date", end);
        return null;
    }

    private static long ReadTicket(PayloadReader reader)
    {
        var ticket = reader.Integer("ticket", required: true) ?? 0;
        reader.Require(ticket > 0, "ticket must be a positive integer");
        return ticket;
    }

    /// <summary>The EA rejects a 0 or missing SL or TP and cannot remove one: both are always required.</summary>
    private static (decimal Sl, decimal Tp) ReadStops(PayloadReader reader)
    {
        var sl = reader.Number("sl", required: true) ?? 0m;
        var tp = reader.Number("tp", required: true) ?? 0m;
        reader.Require(sl > 0m && tp > 0m, "sl and tp must both be prices greater than 0 (the EA rejects 0 and cannot remove a stop)");
        return (sl, tp);
    }

    private static string? UnknownField(string type, JsonElement? payload, string[] known)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } fields)
        {
            return null;
        }

        var unknown = fields.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !known.Contains(name));
        return unknown is null ? null : $"{type} has no field {unknown}; its fields are {string.Join(", ", known)}";
    }

    /// <summary>The protocol library's own last word (windows, identifiers, the EA's acceptance rules), then the bytes themselves.</summary>
    private static string? Preflight(string type, IReadOnlyList<EaField> fields)
    {
        try
        {
            var command = new FlatCommand("cmd_preflight", type, fields);
            return CommandPreflight.FindProblem(command) ?? EaReadableCheck.FindProblem(CommandService.FlatJson(command));
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
