using System.Buffers;
using System.Text;

namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// Writes compact UTF-8 JSON that the EA's substring parser reads correctly (contract section 2.3): no
/// whitespace, no escape sequences (string values are sanitized or refused, see <see cref="EaText"/>),
/// numbers in plain decimal notation, booleans bare, non-ASCII as raw UTF-8.
/// </summary>
/// <remarks>
/// Nesting is limited to what the EA can cut out by searching for the next <c>]</c> or <c>}</c>: the root
/// object may hold arrays and flat objects; an array holds identifiers or flat objects; a flat object
/// holds scalars only. Anything else throws <see cref="InvalidOperationException"/>, a programming error.
/// </remarks>
public sealed class EaJsonWriter(IBufferWriter<byte> output)
{
    private readonly List<Scope> _scopes = [];

    private enum ScopeKind { RootObject, Array, FlatObject }

    /// <summary>True once the root object has been closed.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Keys are written without escaping, so they are limited to ASCII letters, digits and '_'.</summary>
    public static bool IsValidKey(string key) => key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Starts the root object, or a flat object as the next element of an array.</summary>
    public void StartObject()
    {
        if (_scopes.Count == 0)
        {
            if (IsComplete)
            {
                throw new InvalidOperationException("The root object is already closed");
            }

            Push(ScopeKind.RootObject, "{");
            return;
        }

        if (_scopes[^1].Kind != ScopeKind.Array)
        {
            throw new InvalidOperationException("An object must be the root or an element of an array");
        }

        Separator();
        Push(ScopeKind.FlatObject, "{");
    }

    /// <summary>Starts a flat object field of the root object.</summary>
    public void StartObject(string key)
    {
        RequireRoot("an object field");
        Key(key);
        Push(ScopeKind.FlatObject, "{");
    }

    /// <summary>Starts an array field of the root object.</summary>
    public void StartArray(string key)
    {
        RequireRoot("an array");
        Key(key);
        Push(ScopeKind.Array, "[");
    }

    public void EndObject() => Pop(isArray: false, "}");

    public void EndArray() => Pop(isArray: true, "]");

    /// <summary>Free text; characters the EA cannot read are replaced (see <see cref="EaText"/>).</summary>
    public void WriteText(string key, string value)
    {
        Key(key);
        WriteQuoted(EaText.Sanitize(value));
    }

    /// <summary>A value the EA must receive unchanged (API key, symbol); throws if it is not safe.</summary>
    public void WriteIdentifier(string key, string value)
    {
        RequireIdentifier(value);
        Key(key);
        WriteQuoted(value);
    }

    public void WriteNumber(string key, decimal value) => WriteField(new EaField(key, value));

    public void WriteNumber(string key, double value) => WriteField(new EaField(key, value));

    public void WriteNumber(string key, long value) => WriteField(new EaField(key, value));

    public void WriteBoolean(string key, bool value) => WriteField(new EaField(key, value));

    public void WriteField(EaField field) => WriteField(field, window: null);

    /// <summary>An identifier as the next element of an array (e.g. a symbol name).</summary>
    public void WriteIdentifierElement(string value)
    {
        RequireIdentifier(value);
        if (_scopes.Count == 0 || _scopes[^1].Kind != ScopeKind.Array)
        {
            throw new InvalidOperationException("Array elements can only be written inside an array");
        }

        Separator();
        WriteQuoted(value);
    }

    /// <summary>
    /// A command as the next element of an array: <c>{"id":"..","type":"..",fields...}</c>, with numeric
    /// fields fitted to the EA's read windows (<see cref="CommandNumberWindows"/>).
    /// </summary>
    public void WriteCommand(FlatCommand command)
    {
        StartObject();
        WriteIdentifier("id", command.Id);
        WriteIdentifier("type", command.Type);
        foreach (var field in command.Fields)
        {
            WriteField(field, CommandNumberWindows.For(field.Key));
        }

        EndObject();
    }

    private void WriteField(EaField field, int? window)
    {
        Key(field.Key);
        switch (field.Value.Kind)
        {
            case EaValueKind.Text:
                WriteQuoted(EaText.Sanitize(field.Value.AsText!));
                break;
            case EaValueKind.Boolean:
                Write(field.Value.AsBoolean == true ? "true" : "false");
                break;
            default:
                Write(field.Value.FormatNumber(window));
                break;
        }
    }

    private void Key(string key)
    {
        if (_scopes.Count == 0 || _scopes[^1].Kind == ScopeKind.Array)
        {
            throw new InvalidOperationException("A keyed value can only be written inside an object");
        }

        if (!IsValidKey(key))
        {
            throw new ArgumentException($"Key '{key}' must be ASCII letters, digits or '_'", nameof(key));
        }

        Separator();
        Write("\"");
        Write(key);
        Write("\":");
    }

    private void RequireRoot(string what)
    {
        if (_scopes.Count != 1 || _scopes[0].Kind != ScopeKind.RootObject)
        {
            throw new InvalidOperationException($"Only the root object may contain {what}: the EA cuts arrays and objects at the first ] or }}");
        }
    }

    private static void RequireIdentifier(string value)
    {
        if (!EaText.IsSafeIdentifier(value))
        {
            throw new ArgumentException($"'{value}' cannot be sent to the EA unchanged: it must be non-empty and free of \" \\ {{ }} [ ] , and control characters", nameof(value));
        }
    }

    private void Separator()
    {
        var scope = _scopes[^1];
        if (scope.HasItems)
        {
            Write(",");
        }

        _scopes[^1] = scope with { HasItems = true };
    }

    private void Push(ScopeKind kind, string opening)
    {
        Write(opening);
        _scopes.Add(new Scope(kind, HasItems: false));
    }

    private void Pop(bool isArray, string closing)
    {
        if (_scopes.Count == 0 || (_scopes[^1].Kind == ScopeKind.Array) != isArray)
        {
            throw new InvalidOperationException($"No open {(isArray ? "array" : "object")} to close");
        }

        Write(closing);
        _scopes.RemoveAt(_scopes.Count - 1);
        IsComplete = _scopes.Count == 0;
    }

    private void WriteQuoted(string value)
    {
        Write("\"");
        Write(value);
        Write("\"");
    }

    private void Write(ReadOnlySpan<char> text)
    {
        // Encoding.UTF8 replaces a lone surrogate with U+FFFD instead of throwing.
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private readonly record struct Scope(ScopeKind Kind, bool HasItems);
}
