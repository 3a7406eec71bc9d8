using System.Security.Cryptography;
using System.Text;

namespace NgTradingBot.Web.Access;

/// <summary>
/// The one secret that opens the UI: the operator key the AppHost gives Web (<c>Core:OperatorKey</c>). EA keys and strategy
/// keys are other secrets, so they never match; the comparison is of hashes in fixed time, so its duration tells nothing.
/// </summary>
public sealed class OperatorCredential
{
    private readonly byte[] _hash;

    public OperatorCredential(string operatorKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorKey);
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(operatorKey));
    }

    public bool Matches(string? candidate) =>
        !string.IsNullOrWhiteSpace(candidate) && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Trim())));
}
