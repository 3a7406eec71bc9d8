using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace NgTradingBot.Infrastructure.Redis;

/// <summary>
/// A Lua script run by SHA (EVALSHA), resent in full only when the server's script cache lost it
/// (after a Redis restart). StackExchange.Redis 1.2.6 has no stream commands, so scripts carry them.
/// </summary>
public sealed class RedisScript(string source)
{
    private readonly byte[] _sha1 = SHA1.HashData(Encoding.UTF8.GetBytes(source));

    public async Task<RedisResult> EvaluateAsync(IDatabaseAsync database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(_sha1, keys, values).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            return await database.ScriptEvaluateAsync(source, keys, values).ConfigureAwait(false);
        }
    }
}
