using Ctem.Core.Diagnostics;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Spdx;

/// <summary>The purl an SPDX 2.x external reference carries, shared by the JSON and tag-value readers.</summary>
internal static class SpdxPurl
{
    /// <summary>SPDX 2.2 spells the category PACKAGE-MANAGER, 2.3 PACKAGE_MANAGER; tools emit both under either version.</summary>
    public static bool IsPurlReference(string? category, string? type) =>
        string.Equals(type, "purl", StringComparison.OrdinalIgnoreCase)
        && (string.Equals(category, "PACKAGE-MANAGER", StringComparison.OrdinalIgnoreCase)
            || string.Equals(category, "PACKAGE_MANAGER", StringComparison.OrdinalIgnoreCase));

    public static PackageUrl? Parse(string path, string text, string location, List<Diagnostic> diagnostics)
    {
        var parsed = PackageUrl.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"invalid purl '{text}': {parsed.Error}; the package is kept but cannot be matched", location));
        return null;
    }
}
