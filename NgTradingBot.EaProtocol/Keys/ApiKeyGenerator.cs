using System.Security.Cryptography;

namespace NgTradingBot.EaProtocol.Keys;

/// <summary>Creates API keys: 64 characters, 384 bits from the OS cryptographic random generator.</summary>
public static class ApiKeyGenerator
{
    /// <summary>
    /// A new key. <see cref="RandomNumberGenerator.GetString"/> picks each character uniformly from the
    /// 64-character alphabet (no modulo bias).
    /// </summary>
    public static string Generate() => RandomNumberGenerator.GetString(ApiKeyFormat.Alphabet, ApiKeyFormat.GeneratedLength);
}
