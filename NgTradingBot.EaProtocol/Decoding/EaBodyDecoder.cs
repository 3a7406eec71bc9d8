using System.Text;
using System.Text.Unicode;

namespace NgTradingBot.EaProtocol.Decoding;

/// <summary>
/// Turns an EA request body into text. The EA converts its bodies with the terminal PC's ANSI code page
/// (<c>CP_ACP</c>), so non-ASCII characters usually arrive as single Windows-1252 bytes, while newer
/// clients send UTF-8. The bytes decide, never the Content-Type header.
/// </summary>
public static class EaBodyDecoder
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Windows-1252, the ANSI code page of western-European Windows terminals.</summary>
    public static Encoding Windows1252 { get; } = CreateWindows1252();

    /// <summary>Decodes as UTF-8 when the bytes are valid UTF-8, otherwise as Windows-1252.</summary>
    public static string Decode(ReadOnlySpan<byte> body) => Decode(body, out _);

    /// <inheritdoc cref="Decode(ReadOnlySpan{byte})"/>
    /// <param name="body">The raw request body.</param>
    /// <param name="usedWindows1252">True when the bytes were not valid UTF-8 and Windows-1252 was used.</param>
    public static string Decode(ReadOnlySpan<byte> body, out bool usedWindows1252)
    {
        var payload = body[PayloadRange(body)];
        usedWindows1252 = !Utf8.IsValid(payload);
        return usedWindows1252 ? Windows1252.GetString(payload) : Encoding.UTF8.GetString(payload);
    }

    /// <summary>
    /// The part of the body that carries JSON: without a leading UTF-8 byte-order mark and without
    /// trailing NUL bytes (MQL5 strings are NUL-terminated, and a client that forgets to cut the
    /// terminator sends it along).
    /// </summary>
    public static Range PayloadRange(ReadOnlySpan<byte> body)
    {
        var start = body.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var end = body.Length;
        while (end > start && body[end - 1] == 0)
        {
            end--;
        }

        return start..end;
    }

    private static Encoding CreateWindows1252()
    {
        // .NET Core ships only the Unicode encodings by default; the legacy code pages need the provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
