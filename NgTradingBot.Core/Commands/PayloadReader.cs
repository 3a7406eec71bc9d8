using System.Text.Json;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Reads the flat fields of a command payload, keeping the first problem (named after the field) and
/// collecting the normalized fields in the order the EA will receive them.
/// </summary>
internal sealed class PayloadReader(string type, JsonElement payload)
{
    private readonly List<EaField> _fields = [];

    public string? Error { get; private set; }

    public IReadOnlyList<EaField> Fields => _fields;

    public string? Text(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Fail($"{type} {name} must be a string");
            return null;
        }

        return value.GetString();
    }

    public decimal? Number(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            return Fail<decimal>($"{type} {name} must be a number");
        }

        return number;
    }

    public long? Integer(string name, bool required)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            return Fail<long>($"{type} {name} must be an integer");
        }

        return number;
    }

    public bool? Boolean(string name)
    {
        if (!TryGet(name, required: false, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Fail<bool>($"{type} {name} must be true or false");
        }

        return value.GetBoolean();
    }

    /// <summary>Adds a field to the command the EA receives, in wire order.</summary>
    public void Add(string name, EaValue value) => _fields.Add(new EaField(name, value));

    public void Require(bool condition, string problem)
    {
        if (!condition)
        {
            Fail(problem);
        }
    }

    public void Fail(string problem) => Error ??= problem;

    private T? Fail<T>(string problem) where T : struct
    {
        Fail(problem);
        return null;
    }

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        value = default;
        if (Error is not null)
        {
            return false;
        }

        if (payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Fail($"{type} needs {name}");
        }

        return false;
    }
}
