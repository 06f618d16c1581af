using System.Diagnostics.CodeAnalysis;

namespace Ctem.Core.Text;

/// <summary>The outcome of parsing one small value (a purl, a version): the value, or why it is not one.</summary>
public readonly record struct ParseResult<T>
    where T : class
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Value is not null;

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(null, error);
}
