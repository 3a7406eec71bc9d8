using System.Security.Cryptography;
using System.Text;

namespace NgTradingBot.EaProtocol.Keys;

/// <summary>
/// Hashes API keys for storage and checks presented keys in constant time.
/// </summary>
/// <remarks>
/// A single SHA-256 is deliberate. Slow password hashes (PBKDF2, bcrypt, Argon2) exist to make guessing
/// low-entropy human passwords expensive; these keys are 384 random bits, so there is nothing to guess
/// and a preimage search on SHA-256 is out of reach. A slow hash would instead cost milliseconds of CPU
/// on every EA request (up to ~40 per second per EA) for no security gain. No salt is needed for the
/// same reason: identical keys do not occur and precomputed tables cannot cover a 384-bit space.
/// </remarks>
public static class ApiKeyHasher
{
    public const int HashLength = 32;

    /// <summary>SHA-256 over the key's UTF-8 bytes (ASCII for every well-formed key).</summary>
    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    /// <summary>The hash as 64 lower-case hex characters, for a text column.</summary>
    public static string HashToHex(string key) => Convert.ToHexStringLower(Hash(key));

    /// <summary>
    /// True when the presented key hashes to the stored hash. The comparison takes the same time
    /// wherever the hashes differ. A malformed key is refused before hashing; that only reveals
    /// something about the presented key, never about the stored one.
    /// </summary>
    public static bool Verify(string? presentedKey, ReadOnlySpan<byte> storedHash)
    {
        if (!ApiKeyFormat.IsWellFormed(presentedKey) || storedHash.Length != HashLength)
        {
            return false;
        }

        // A well-formed key is short and ASCII: its bytes fit on the stack, so checking one allocates nothing.
        Span<byte> keyBytes = stackalloc byte[ApiKeyFormat.MaxLength];
        var length = Encoding.ASCII.GetBytes(presentedKey, keyBytes);
        Span<byte> presentedHash = stackalloc byte[HashLength];
        SHA256.HashData(keyBytes[..length], presentedHash);
        return CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);
    }

    /// <inheritdoc cref="Verify(string?, ReadOnlySpan{byte})"/>
    public static bool Verify(string? presentedKey, string storedHashHex)
    {
        Span<byte> stored = stackalloc byte[HashLength];
        return storedHashHex.Length == HashLength * 2
            && Convert.FromHexString(storedHashHex, stored, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == HashLength
            && Verify(presentedKey, stored);
    }
}
