using Microsoft.Extensions.Options;

namespace NgTradingBot.Core.Access;

/// <summary>The operator's and the gateway's key hashes, computed once: every request is compared with them.</summary>
public sealed class FixedKeyHashes(IOptions<AccessOptions> access)
{
    public byte[] Operator { get; } = KeySecrets.Hash(access.Value.OperatorKey);

    public byte[] Service { get; } = KeySecrets.Hash(access.Value.ServiceKey);
}
