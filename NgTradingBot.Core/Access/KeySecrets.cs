using System.Security.Cryptography;
using System.Text;

namespace NgTradingBot.Core.Access;

/// <summary>New key secrets and the hash they are stored and compared by.</summary>
public static class KeySecrets
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Strategy keys start with this, so a key pasted in the wrong place is recognisable.</summary>
    public const string StrategyPrefix = "ngtb_sk_";

    public const int PrefixShown = 14;

    public static string NewStrategySecret() => StrategyPrefix + RandomNumberGenerator.GetString(Alphabet, 40);

    public static string NewKeyId() => "key_" + RandomNumberGenerator.GetString(Alphabet, 16);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time: how long a wrong key takes to refuse says nothing about the right one.</summary>
    public static bool Matches(byte[] hash, byte[] expectedHash) => CryptographicOperations.FixedTimeEquals(hash, expectedHash);
}
