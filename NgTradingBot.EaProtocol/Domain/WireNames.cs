using System.Collections.Frozen;

namespace NgTradingBot.EaProtocol.Domain;

/// <summary>
/// The wire spelling of an enum. An explicit table rather than <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/>,
/// which would also accept numbers ("1") and comma lists ("Buy,Sell") that the contract does not allow.
/// Reading is case-insensitive (the EA sends upper case, other clients may not); writing uses the
/// contract's spelling.
/// </summary>
public sealed class WireNames<T> where T : struct, Enum
{
    private readonly FrozenDictionary<string, T> _byName;
    private readonly FrozenDictionary<T, string> _byValue;

    public WireNames(params (T Value, string Name)[] names)
    {
        _byName = names.ToFrozenDictionary(n => n.Name, n => n.Value, StringComparer.OrdinalIgnoreCase);
        _byValue = names.ToFrozenDictionary(n => n.Value, n => n.Name);
        Expected = string.Join(", ", names.Select(n => n.Name));
    }

    /// <summary>The accepted names, for error messages ("INFO, WARNING, ERROR").</summary>
    public string Expected { get; }

    public bool TryParse(string? name, out T value) => _byName.TryGetValue(name ?? "", out value);

    public string ToWire(T value) => _byValue[value];
}
