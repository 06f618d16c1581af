using Ctem.Core.Model;

namespace Ctem.Plugins.Writers.CycloneDx;

/// <summary>Ctem's component facts in CycloneDX's vocabulary.</summary>
internal static class CycloneDxTypes
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "application", "framework", "library", "container", "platform", "operating-system", "device", "device-driver",
        "firmware", "file", "machine-learning-model", "data", "cryptographic-asset",
    };

    public static string Of(Component component) => component.Type is { } type && Known.Contains(type) ? type : "library";

    public static string? Scope(DependencyScope scope) => scope switch
    {
        DependencyScope.Runtime => "required",
        DependencyScope.Optional => "optional",

        // Development and test dependencies are not part of what runs.
        DependencyScope.Development or DependencyScope.Test => "excluded",
        _ => null,
    };

    /// <summary>
    /// CycloneDX takes either licences or one expression, never both: any expression among the declared licences
    /// makes the whole list one expression.
    /// </summary>
    public static (IReadOnlyList<string> Names, string? Expression) Licenses(IReadOnlyList<string> licenses) =>
        licenses.Any(IsExpression)
            ? ([], string.Join(" AND ", licenses.Select(l => IsExpression(l) && licenses.Count > 1 ? $"({l})" : l)))
            : (licenses, null);

    /// <summary>An SPDX licence expression (as opposed to one licence name) joins licences with an operator.</summary>
    public static bool IsExpression(string license) =>
        license.Contains(" AND ", StringComparison.Ordinal) || license.Contains(" OR ", StringComparison.Ordinal) || license.Contains(" WITH ", StringComparison.Ordinal);
}
