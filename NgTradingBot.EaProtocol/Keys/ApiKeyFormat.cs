using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace NgTradingBot.EaProtocol.Keys;

/// <summary>
/// The shape of an API key: characters from the URL-safe base64 alphabet <c>[A-Za-z0-9_-]</c>, which
/// survive the EA's unescaped substring parsing and its api_key.txt file unchanged.
/// </summary>
public static class ApiKeyFormat
{
    /// <summary>The alphabet, 64 characters, so each character carries exactly 6 random bits.</summary>
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>Length of generated keys; also the length of the legacy server's token_urlsafe(48) keys.</summary>
    public const int GeneratedLength = 64;

    /// <summary>Shortest key accepted (32 characters = 192 bits).</summary>
    public const int MinLength = 32;

    /// <summary>Longest key accepted; bounds the work a presented key can cost.</summary>
    public const int MaxLength = 128;

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    /// <summary>True when the presented key has a sane length and only alphabet characters.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? key) =>
        key is { Length: >= MinLength and <= MaxLength } && !key.AsSpan().ContainsAnyExcept(AlphabetValues);
}
