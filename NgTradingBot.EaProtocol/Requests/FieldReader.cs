using System.Globalization;
using System.Text.Json;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// Reads typed fields of one JSON object. The first failure is kept and later reads return defaults, so
/// a request can read all its fields in order and check once at the end. Messages name the field with
/// its path ("ticks[3].bid must be greater than 0") because they end up in the EA's journal.
/// </summary>
internal sealed class FieldReader
{
    private const int MaxQuotedLength = 40;

    private readonly JsonElement _object;
    private readonly string _prefix;

    public FieldReader(JsonElement element, string path = "")
    {
        _object = element;
        _prefix = path.Length == 0 ? "" : path + ".";
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error = path.Length == 0 ? EaError.NoDataProvided.Message : $"{path} must be an object, got {Describe(element)}";
        }
    }

    public enum Sign { Any, NonNegative, Positive }

    public string? Error { get; private set; }

    public long Account() => Integer("account", min: 1);

    public long Integer(string name, long min = long.MinValue, long max = long.MaxValue) =>
        Required(name, out var value) ? ToInteger(value, name, min, max) : 0;

    public long? OptionalInteger(string name, long min = long.MinValue, long max = long.MaxValue) =>
        Optional(name, out var value) ? ToInteger(value, name, min, max) : null;

    public decimal Decimal(string name, Sign sign = Sign.Any) =>
        Required(name, out var value) ? ToDecimal(value, name, sign) : 0m;

    public decimal? OptionalDecimal(string name, Sign sign = Sign.Any) =>
        Optional(name, out var value) ? ToDecimal(value, name, sign) : null;

    public string Text(string name, bool allowEmpty = false) =>
        Required(name, out var value) ? ToText(value, name, allowEmpty) : "";

    public string? OptionalText(string name) =>
        Optional(name, out var value) ? ToText(value, name, allowEmpty: true) : null;

    public bool? OptionalBoolean(string name)
    {
        if (!Optional(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail($"{PathOf(name)} must be true or false, got {Describe(value)}");
        return null;
    }

    public T Choice<T>(string name, WireNames<T> names) where T : struct, Enum
    {
        if (!Required(name, out var value))
        {
            return default;
        }

        if (value.ValueKind == JsonValueKind.String && names.TryParse(value.GetString(), out var parsed))
        {
            return parsed;
        }

        Fail($"{PathOf(name)} must be one of {names.Expected}, got {Describe(value)}");
        return default;
    }

    public JsonElement Object(string name)
    {
        if (!Required(name, out var value))
        {
            return default;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail($"{PathOf(name)} must be an object, got {Describe(value)}");
        }

        return value;
    }

    public JsonElement? OptionalObject(string name)
    {
        if (!Optional(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return value;
        }

        Fail($"{PathOf(name)} must be an object, got {Describe(value)}");
        return null;
    }

    /// <summary>The items of a required array; <paramref name="emptyMessage"/> rejects an empty one.</summary>
    public IReadOnlyList<JsonElement> Array(string name, string? emptyMessage = null)
    {
        if (!Required(name, out var value))
        {
            return [];
        }

        var items = ToArray(value, name);
        if (items.Count == 0 && emptyMessage is not null)
        {
            Fail(emptyMessage);
        }

        return items;
    }

    public IReadOnlyList<JsonElement> OptionalArray(string name) =>
        Optional(name, out var value) ? ToArray(value, name) : [];

    /// <summary>A reader for one element of an array read from this object.</summary>
    public FieldReader Item(string arrayName, int index, JsonElement element) =>
        new(element, $"{PathOf(arrayName)}[{index}]");

    /// <summary>A reader for a nested object field of this object.</summary>
    public FieldReader Child(string name, JsonElement element) => new(element, PathOf(name));

    /// <summary>A non-empty string element of an array read from this object.</summary>
    public string ItemText(string arrayName, int index, JsonElement element)
    {
        if (Error is not null)
        {
            return "";
        }

        if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
        {
            return element.GetString()!;
        }

        Fail($"{PathOf(arrayName)}[{index}] must be a non-empty string, got {Describe(element)}");
        return "";
    }

    /// <summary>Takes over a child reader's failure, if it has one and this reader has none yet.</summary>
    public void Adopt(FieldReader child)
    {
        if (child.Error is not null)
        {
            Fail(child.Error);
        }
    }

    public void Fail(string message) => Error ??= message;

    public string PathOf(string name) => _prefix + name;

    public EaParseResult<T> Result<T>(T value) where T : class =>
        Error is null ? EaParseResult<T>.Success(value) : EaParseResult<T>.Failure(EaError.BadRequest(Error));

    /// <summary>Describes a JSON value for an error message: its kind and, for scalars, a short excerpt.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"string '{Shorten(value.GetString() ?? "")}'",
        JsonValueKind.Number => $"number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    private bool Required(string name, out JsonElement value)
    {
        value = default;
        if (Error is not null)
        {
            return false;
        }

        if (_object.TryGetProperty(name, out value))
        {
            return true;
        }

        Fail($"Missing {PathOf(name)}");
        return false;
    }

    private bool Optional(string name, out JsonElement value)
    {
        value = default;
        return Error is null && _object.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    private long ToInteger(JsonElement value, string name, long min, long max)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Fail($"{PathOf(name)} must be an integer, got {Describe(value)}");
            return 0;
        }

        if (!value.TryGetInt64(out var number))
        {
            var raw = value.GetRawText();
            Fail(raw.TrimStart('-').All(char.IsAsciiDigit)
                ? $"{PathOf(name)} is out of range"
                : $"{PathOf(name)} must be an integer, got number {Shorten(raw)}");
            return 0;
        }

        if (number > max && max == int.MaxValue)
        {
            Fail($"{PathOf(name)} is out of range");
        }
        else if (number < min || number > max)
        {
            Fail($"{PathOf(name)} {RangeRule(min, max)}");
        }

        return number;
    }

    private decimal ToDecimal(JsonElement value, string name, Sign sign)
    {
        // JSON has no NaN or Infinity literals, so a parsed number is always finite; a quoted "NaN" is a
        // string and fails here, and an EA "nan" token was turned into null by the repair.
        if (value.ValueKind != JsonValueKind.Number)
        {
            Fail($"{PathOf(name)} must be a number, got {Describe(value)}");
            return 0m;
        }

        if (!value.TryGetDecimal(out var number))
        {
            Fail($"{PathOf(name)} is out of range");
            return 0m;
        }

        if (sign == Sign.Positive && number <= 0m)
        {
            Fail($"{PathOf(name)} must be greater than 0");
        }
        else if (sign == Sign.NonNegative && number < 0m)
        {
            Fail($"{PathOf(name)} must not be negative");
        }

        return number;
    }

    private string ToText(JsonElement value, string name, bool allowEmpty)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Fail($"{PathOf(name)} must be a string, got {Describe(value)}");
            return "";
        }

        var text = value.GetString() ?? "";
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            Fail($"{PathOf(name)} must not be empty");
        }

        return text;
    }

    private List<JsonElement> ToArray(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            return [.. value.EnumerateArray()];
        }

        Fail($"{PathOf(name)} must be an array, got {Describe(value)}");
        return [];
    }

    private static string RangeRule(long min, long max)
    {
        // An int field's upper bound is a storage limit, not a rule worth stating.
        var unbounded = max is long.MaxValue or int.MaxValue;
        return (min, unbounded) switch
        {
            (1, true) => "must be greater than 0",
            (0, true) => "must not be negative",
            (_, true) => $"must be at least {min.ToString(CultureInfo.InvariantCulture)}",
            _ => $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}",
        };
    }

    private static string Shorten(string text) =>
        text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");
}
