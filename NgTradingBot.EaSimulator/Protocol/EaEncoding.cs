using System.Text;

namespace NgTradingBot.EaSimulator;

/// <summary>
/// The byte conversion the EA applies to bodies and responses: <c>StringToCharArray(..., CP_ACP)</c> and
/// <c>CharArrayToString</c>, i.e. the terminal PC's ANSI code page. We model a Western-European PC (Windows-1252).
/// </summary>
public static class EaEncoding
{
    /// <summary>Windows-1252; characters it cannot represent become '?', as on a real terminal.</summary>
    public static Encoding Ansi { get; } = CreateAnsi();

    /// <summary>Body text to the bytes the EA puts on the wire (no trailing NUL: the EA strips it).</summary>
    public static byte[] ToWire(string body) => Ansi.GetBytes(body);

    /// <summary>
    /// Response bytes as the EA sees them: decoded as ANSI (so UTF-8 multi-byte characters turn into several
    /// characters) and cut at the first NUL, like <c>CharArrayToString</c>.
    /// </summary>
    public static string FromWire(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        return Ansi.GetString(nul >= 0 ? bytes[..nul] : bytes);
    }

    private static Encoding CreateAnsi()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
    }
}
