using NuGet.Versioning;

namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>
/// Tells an exact version in a project file (<c>1.2.3</c>, or the exact range <c>[1.2.3]</c>) from one restore still
/// has to pick (<c>[1.0,2.0)</c>, <c>1.*</c>), which cannot be matched against advisories as it stands.
/// </summary>
internal static class NuGetVersionText
{
    /// <summary>The exact version, or null with the reason it is not one.</summary>
    public static (string? Version, string? Problem) Exact(string text)
    {
        var trimmed = text.Trim();
        if (NuGetVersion.TryParse(trimmed, out _))
        {
            return (trimmed, null);
        }

        if (!VersionRange.TryParse(trimmed, allowFloating: true, out var range))
        {
            return (null, $"'{trimmed}' is not a NuGet version or version range");
        }

        if (range.IsFloating)
        {
            return (null, $"'{trimmed}' is a floating version, resolved only at restore");
        }

        if (range is { HasLowerAndUpperBounds: true, IsMinInclusive: true, IsMaxInclusive: true } && range.MinVersion == range.MaxVersion)
        {
            return (trimmed.Trim('[', ']', ' '), null);
        }

        return (null, $"'{trimmed}' is a version range, resolved only at restore");
    }
}
