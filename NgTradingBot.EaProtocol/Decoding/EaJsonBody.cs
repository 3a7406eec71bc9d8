using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;

namespace NgTradingBot.EaProtocol.Decoding;

/// <summary>
/// A parsed EA request body. Parsing is strict first; only a body that fails strict parsing is decoded
/// and, if allowed, repaired with <see cref="EaJsonRepair"/>, so a valid body is never reinterpreted.
/// A body whose strings hold a lone surrogate escape is not JSON any string can be read from (<see cref="LoneSurrogates"/>).
/// Dispose it when the request is done (the document rents pooled memory).
/// </summary>
public sealed class EaJsonBody : IDisposable
{
    private readonly JsonDocument _document;

    private EaJsonBody(JsonDocument document, bool wasRepaired, bool usedWindows1252)
    {
        _document = document;
        WasRepaired = wasRepaired;
        UsedWindows1252 = usedWindows1252;
    }

    public JsonElement Root => _document.RootElement;

    /// <summary>True when strict parsing failed and the repaired text was parsed instead.</summary>
    public bool WasRepaired { get; }

    /// <summary>True when the bytes were not valid UTF-8 and were read as Windows-1252.</summary>
    public bool UsedWindows1252 { get; }

    /// <summary>
    /// Parses a raw request body. Valid UTF-8 JSON is parsed in place without copying: <paramref name="body"/>
    /// must stay unchanged until the returned body is disposed (do not return a pooled buffer earlier).
    /// </summary>
    /// <param name="body">The raw bytes; a UTF-8 BOM and trailing NULs are ignored.</param>
    /// <param name="allowRepair">
    /// Whether to repair unescaped strings. The contract names /api/connect, /api/log and
    /// /api/transaction; it is safe on every route because a valid body never reaches the repair.
    /// </param>
    /// <param name="result">The parsed body, or null when the body is empty or not JSON.</param>
    public static bool TryParse(ReadOnlyMemory<byte> body, bool allowRepair, [NotNullWhen(true)] out EaJsonBody? result)
    {
        var payload = body[EaBodyDecoder.PayloadRange(body.Span)];
        result = null;
        if (IsBlank(payload.Span))
        {
            return false;
        }

        if (Utf8.IsValid(payload.Span))
        {
            if (TryStrict(payload, out var document))
            {
                result = new EaJsonBody(document, wasRepaired: false, usedWindows1252: false);
                return true;
            }

            return allowRepair && TryRepaired(EaBodyDecoder.Decode(payload.Span), usedWindows1252: false, out result);
        }

        return TryParseText(EaBodyDecoder.Windows1252.GetString(payload.Span), allowRepair, usedWindows1252: true, out result);
    }

    /// <summary>Parses body text that was already decoded.</summary>
    public static bool TryParse(string text, bool allowRepair, [NotNullWhen(true)] out EaJsonBody? result)
    {
        var trimmed = text.TrimStart('\uFEFF').TrimEnd('\0');
        result = null;
        return !string.IsNullOrWhiteSpace(trimmed) && TryParseText(trimmed, allowRepair, usedWindows1252: false, out result);
    }

    public void Dispose() => _document.Dispose();

    private static bool TryParseText(string text, bool allowRepair, bool usedWindows1252, out EaJsonBody? result)
    {
        if (TryStrict(text, out var document))
        {
            result = new EaJsonBody(document, wasRepaired: false, usedWindows1252);
            return true;
        }

        result = null;
        return allowRepair && TryRepaired(text, usedWindows1252, out result);
    }

    private static bool TryRepaired(string text, bool usedWindows1252, out EaJsonBody? result)
    {
        result = null;
        if (!EaJsonRepair.TryRepair(text, out var repaired) || !TryStrict(repaired, out var document))
        {
            return false;
        }

        result = new EaJsonBody(document, wasRepaired: true, usedWindows1252);
        return true;
    }

    private static bool TryStrict(ReadOnlyMemory<byte> utf8, [NotNullWhen(true)] out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(utf8);
            if (!LoneSurrogates.AnyIn(utf8.Span))
            {
                return true;
            }
            document.Dispose();
            document = null;
            return false;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    private static bool TryStrict(string text, [NotNullWhen(true)] out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(text);
            if (!LoneSurrogates.AnyIn(text))
            {
                return true;
            }
            document.Dispose();
            document = null;
            return false;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> payload) => payload.IndexOfAnyExcept(JsonWhitespace) < 0;

    private static readonly System.Buffers.SearchValues<byte> JsonWhitespace =
        System.Buffers.SearchValues.Create(" \t\r\n"u8);
}
