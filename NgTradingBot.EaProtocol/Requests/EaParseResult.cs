using System.Diagnostics.CodeAnalysis;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>Either a parsed value or the error that rejects the request.</summary>
public sealed class EaParseResult<T> where T : class
{
    private EaParseResult(T? value, EaError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public EaError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static EaParseResult<T> Success(T value) => new(value, null);

    public static EaParseResult<T> Failure(EaError error) => new(null, error);

    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error.StatusCode}: {Error.Message})";
}
