namespace Ctem.Core.Scoping;

/// <summary>The scope file's <c>validation:</c>: a directory of more checks beside the built-in ones, relative to the scope file.</summary>
public sealed record ValidationSettings(string? Checks)
{
    public static ValidationSettings None { get; } = new((string?)null);
}
