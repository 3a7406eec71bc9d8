using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// One command for the EA: a string <c>id</c>, an upper-case <c>type</c> and flat scalar fields in the
/// order given. The EA reads each command from a <c>{</c> to the next <c>}</c>, so nested values are
/// impossible by construction (<see cref="EaValue"/> holds scalars only) and refused by
/// <see cref="TryFromJson"/>.
/// </summary>
/// <remarks>
/// The id, the type and the identifier fields (<c>symbol</c>, <c>order_type</c>, <c>timeframe</c>) must
/// already be safe (<see cref="EaText.IsSafeIdentifier"/>): the EA echoes the id in command_response
/// and trades the symbol as written, so silently changing them would lose the response or trade the
/// wrong instrument. Other text fields are sanitized when written.
/// </remarks>
public sealed class FlatCommand
{
    private static readonly HashSet<string> IdentifierKeys = new(StringComparer.Ordinal) { "symbol", "order_type", "timeframe" };

    public FlatCommand(string id, string type, IEnumerable<EaField>? fields = null)
    {
        Id = id;
        Type = type;
        Fields = [.. fields ?? []];
        if (FindProblem(id, type, Fields) is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }

    public string Id { get; }

    public string Type { get; }

    public IReadOnlyList<EaField> Fields { get; }

    /// <summary>The value of a field, or null when the command does not have it.</summary>
    public EaValue? this[string key]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (field.Key == key)
                {
                    return field.Value;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Builds a command from a stored flat JSON object (for example <c>{"id":..,"type":..,**payload}</c>).
    /// Refuses objects, arrays and nulls as field values (a null <c>reason</c> would make the EA read the
    /// next key's name), non-string ids, and numbers out of range.
    /// </summary>
    public static bool TryFromJson(JsonElement element, [NotNullWhen(true)] out FlatCommand? command, [NotNullWhen(false)] out string? error)
    {
        command = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "A command must be a JSON object";
            return false;
        }

        string? id = null, type = null;
        var fields = new List<EaField>();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "id" or "type")
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    error = $"Command {property.Name} must be a string";
                    return false;
                }

                if (property.Name == "id")
                {
                    id = property.Value.GetString();
                }
                else
                {
                    type = property.Value.GetString();
                }

                continue;
            }

            if (!TryScalar(property.Value, out var value, out error))
            {
                error = $"Command field {property.Name}: {error}";
                return false;
            }

            fields.Add(new EaField(property.Name, value));
        }

        error = FindProblem(id ?? "", type ?? "", fields);
        if (error is not null)
        {
            return false;
        }

        command = new FlatCommand(id!, type!, fields);
        return true;
    }

    private static bool TryScalar(JsonElement json, out EaValue value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        error = null;
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                value = json.GetString()!;
                return true;
            case JsonValueKind.True or JsonValueKind.False:
                value = json.GetBoolean();
                return true;
            case JsonValueKind.Number when json.TryGetDecimal(out var number):
                value = number;
                return true;
            case JsonValueKind.Number:
                error = "number out of range";
                return false;
            case JsonValueKind.Null:
                error = "null is not allowed";
                return false;
            default:
                error = "nested objects and arrays are not allowed";
                return false;
        }
    }

    private static string? WindowProblem(EaField field, int window)
    {
        if (!field.Value.IsNumber)
        {
            return $"Command field {field.Key} must be a number";
        }

        try
        {
            field.Value.FormatNumber(window);
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return $"Command field {field.Key} {field.Value} does not fit the EA's {window}-character window";
        }
    }

    private static string? FindProblem(string id, string type, IReadOnlyList<EaField> fields)
    {
        if (!EaText.IsSafeIdentifier(id))
        {
            return $"Command id '{id}' must be non-empty and free of \" \\ {{ }} [ ] , and control characters";
        }

        if (type.Length == 0 || !type.All(c => c is (>= 'A' and <= 'Z') or '_'))
        {
            return $"Command type '{type}' must be upper case letters and underscores";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { "id", "type" };
        foreach (var field in fields)
        {
            if (!EaJsonWriter.IsValidKey(field.Key) || !seen.Add(field.Key))
            {
                return $"Command field key '{field.Key}' is invalid or repeated";
            }

            if (IdentifierKeys.Contains(field.Key) && field.Value.AsText is { } text && !EaText.IsSafeIdentifier(text))
            {
                return $"Command field {field.Key} '{text}' must be free of \" \\ {{ }} [ ] , and control characters";
            }

            if (CommandNumberWindows.For(field.Key) is { } window && WindowProblem(field, window) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }
}
