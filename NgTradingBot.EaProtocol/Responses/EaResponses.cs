using System.Buffers;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// The response bodies the EA reads, as UTF-8 bytes ready to write (e.g. <c>Results.Bytes(body,
/// "application/json")</c>). Every body goes through <see cref="EaJsonWriter"/>, so the output rules of
/// contract section 2.3 hold for all of them. Extra fields are flat scalars; the EA ignores them.
/// </summary>
public static class EaResponses
{
    /// <summary><c>{"status":"success"}</c>: heartbeat, profit_update, command_response, trades/update, log.</summary>
    public static ReadOnlyMemory<byte> Success { get; } = Write(w => w.WriteText("status", "success"));

    /// <summary><c>{"commands":[],"status":"success"}</c>, the answer to almost every 50 ms poll.</summary>
    public static ReadOnlyMemory<byte> NoCommands { get; } = Commands([]);

    /// <summary><c>{"status":"success",...extra}</c>.</summary>
    public static ReadOnlyMemory<byte> SuccessWith(params IEnumerable<EaField> extra) => Write(w =>
    {
        w.WriteText("status", "success");
        WriteAll(w, extra);
    });

    /// <summary>
    /// <c>{"status":"success","api_key":"K",...extra}</c>. The EA stores whatever follows
    /// <c>"api_key":"</c> up to the next quote, so the key must be an identifier (throws otherwise).
    /// </summary>
    public static ReadOnlyMemory<byte> Connect(string apiKey, params IEnumerable<EaField> extra) => Write(w =>
    {
        w.WriteText("status", "success");
        w.WriteIdentifier("api_key", apiKey);
        WriteAll(w, extra);
    });

    /// <summary><c>{"status":"success","symbols":["EURUSD",...],...extra}</c>; symbols exactly as the broker names them.</summary>
    public static ReadOnlyMemory<byte> Symbols(IEnumerable<string> symbols, params IEnumerable<EaField> extra) => Write(w =>
    {
        w.WriteText("status", "success");
        WriteSymbols(w, symbols);
        WriteAll(w, extra);
    });

    /// <summary>
    /// <c>{"coverage_percent":N,"needs_update":true|false,...extra,"status":"success"}</c>. The EA skips the
    /// history upload only when needs_update is false and coverage_percent is at least 90.
    /// </summary>
    public static ReadOnlyMemory<byte> Coverage(decimal coveragePercent, bool needsUpdate, params IEnumerable<EaField> extra) => Write(w =>
    {
        w.WriteNumber("coverage_percent", coveragePercent);
        w.WriteBoolean("needs_update", needsUpdate);
        WriteAll(w, extra);
        w.WriteText("status", "success");
    });

    /// <summary><c>{"commands":[{..},{..}],"status":"success"}</c> for /api/get_commands.</summary>
    public static ReadOnlyMemory<byte> Commands(IEnumerable<FlatCommand> commands) => Write(w =>
    {
        WriteCommands(w, commands);
        w.WriteText("status", "success");
    });

    /// <summary>
    /// A heartbeat answer: <c>{"status":"success"}</c>, plus <c>commands</c> when given (the EA executes
    /// them like polled ones: share one queue) and <c>symbols</c> when given. The EA <b>replaces</b> its
    /// subscription list with <c>symbols</c>: keep the order stable and never shrink it this way (a
    /// shorter list can crash the EA); null leaves the field out.
    /// </summary>
    public static ReadOnlyMemory<byte> Heartbeat(IEnumerable<FlatCommand>? commands = null, IEnumerable<string>? symbols = null) => Write(w =>
    {
        w.WriteText("status", "success");
        if (commands is not null)
        {
            WriteCommands(w, commands);
        }

        if (symbols is not null)
        {
            WriteSymbols(w, symbols);
        }
    });

    /// <summary><c>{"message":"...","status":"error"}</c>; the message is sanitized.</summary>
    public static ReadOnlyMemory<byte> Error(string message) => Write(w =>
    {
        w.WriteText("message", message);
        w.WriteText("status", "error");
    });

    public static ReadOnlyMemory<byte> Error(EaError error) => Error(error.Message);

    /// <summary>Builds any other body with the same guarantees.</summary>
    public static ReadOnlyMemory<byte> Write(Action<EaJsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        var writer = new EaJsonWriter(buffer);
        writer.StartObject();
        writeFields(writer);
        writer.EndObject();
        return buffer.WrittenMemory;
    }

    private static void WriteCommands(EaJsonWriter writer, IEnumerable<FlatCommand> commands)
    {
        writer.StartArray("commands");
        foreach (var command in commands)
        {
            writer.WriteCommand(command);
        }

        writer.EndArray();
    }

    private static void WriteSymbols(EaJsonWriter writer, IEnumerable<string> symbols)
    {
        writer.StartArray("symbols");
        foreach (var symbol in symbols)
        {
            writer.WriteIdentifierElement(symbol);
        }

        writer.EndArray();
    }

    private static void WriteAll(EaJsonWriter writer, IEnumerable<EaField> fields)
    {
        foreach (var field in fields)
        {
            writer.WriteField(field);
        }
    }
}
