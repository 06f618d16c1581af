using System.Text.RegularExpressions;

namespace Ctem.Plugins.Parsers.Maven;

/// <summary>
/// Substitutes <c>${…}</c> references in POM values: the effective POM's properties (the parent chain's, child last),
/// and the project's own coordinates (<c>project.version</c>, <c>project.parent.version</c>, …).
/// </summary>
internal sealed partial class PomInterpolator(IReadOnlyDictionary<string, string> values)
{
    private const int MaxDepth = 16;

    /// <summary>The value with every reference substituted, or null with the first reference no value is known for.</summary>
    public (string? Value, string? Unknown) Interpolate(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        var current = text;
        for (var depth = 0; depth < MaxDepth && current.Contains("${", StringComparison.Ordinal); depth++)
        {
            string? unknown = null;
            var next = Reference().Replace(current, match =>
            {
                if (values.TryGetValue(match.Groups[1].Value, out var value))
                {
                    return value;
                }

                unknown ??= match.Value;
                return match.Value;
            });
            if (unknown is not null)
            {
                return (null, unknown);
            }

            current = next;
        }

        return current.Contains("${", StringComparison.Ordinal) ? (null, text) : (current, null);
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Reference();
}
