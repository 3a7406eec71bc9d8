namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// A scalar the EA can read: text, a number or a boolean. There is deliberately no way to hold an
/// object or array, so a flat command cannot be given a nested value.
/// </summary>
public readonly record struct EaValue
{
    private readonly string? _text;
    private readonly decimal _decimal;
    private readonly double _double;
    private readonly long _integer;
    private readonly bool _boolean;

    private EaValue(EaValueKind kind, string? text = null, decimal @decimal = 0, double @double = 0, long integer = 0, bool boolean = false)
    {
        Kind = kind;
        _text = text;
        _decimal = @decimal;
        _double = @double;
        _integer = integer;
        _boolean = boolean;
    }

    public EaValueKind Kind { get; }

    public bool IsNumber => Kind is EaValueKind.Decimal or EaValueKind.Double or EaValueKind.Integer;

    public string? AsText => Kind == EaValueKind.Text ? _text ?? "" : null;

    public bool? AsBoolean => Kind == EaValueKind.Boolean ? _boolean : null;

    /// <summary>The value as a decimal when it is a number that fits one.</summary>
    public decimal? AsDecimal => Kind switch
    {
        EaValueKind.Decimal => _decimal,
        EaValueKind.Integer => _integer,
        EaValueKind.Double when double.IsFinite(_double) && Math.Abs(_double) < 7.9e28 => (decimal)_double,
        _ => null,
    };

    public static EaValue Text(string value) => new(EaValueKind.Text, text: value ?? throw new ArgumentNullException(nameof(value)));

    public static EaValue Number(decimal value) => new(EaValueKind.Decimal, @decimal: value);

    /// <summary>A double; refused when NaN or infinite, which the EA cannot read.</summary>
    public static EaValue Number(double value) => double.IsFinite(value)
        ? new(EaValueKind.Double, @double: value)
        : throw new ArgumentOutOfRangeException(nameof(value), value, "The EA cannot read NaN or infinity");

    public static EaValue Number(long value) => new(EaValueKind.Integer, integer: value);

    public static EaValue Boolean(bool value) => new(EaValueKind.Boolean, boolean: value);

    public static implicit operator EaValue(string value) => Text(value);

    public static implicit operator EaValue(decimal value) => Number(value);

    public static implicit operator EaValue(double value) => Number(value);

    public static implicit operator EaValue(long value) => Number(value);

    public static implicit operator EaValue(int value) => Number(value);

    public static implicit operator EaValue(bool value) => Boolean(value);

    /// <summary>The JSON text of the value, strings sanitized (see <see cref="EaText"/>).</summary>
    public override string ToString() => Kind switch
    {
        EaValueKind.Text => $"\"{EaText.Sanitize(_text ?? "")}\"",
        EaValueKind.Decimal => EaNumberFormat.Format(_decimal),
        EaValueKind.Double => EaNumberFormat.Format(_double),
        EaValueKind.Integer => EaNumberFormat.Format(_integer),
        _ => _boolean ? "true" : "false",
    };

    /// <summary>The number text, fitted to the EA's read window when one applies.</summary>
    internal string FormatNumber(int? window) => (Kind, window) switch
    {
        (EaValueKind.Decimal, { } w) => EaNumberFormat.FitToWindow(_decimal, w),
        (EaValueKind.Double, { } w) => EaNumberFormat.FitToWindow(_double, w),
        (EaValueKind.Integer, { } w) => EaNumberFormat.FitToWindow((decimal)_integer, w),
        (EaValueKind.Decimal, null) => EaNumberFormat.Format(_decimal),
        (EaValueKind.Double, null) => EaNumberFormat.Format(_double),
        (EaValueKind.Integer, null) => EaNumberFormat.Format(_integer),
        _ => throw new InvalidOperationException($"{Kind} is not a number"),
    };
}
