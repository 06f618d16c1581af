using System.Text.RegularExpressions;
using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.PyPI;

/// <summary>What the Python lockfile parsers share: PEP 503 names, purls and <c>algorithm:digest</c> hashes.</summary>
internal static partial class PypiPackages
{
    /// <summary>PEP 503: runs of '-', '_' and '.' become one '-', and case folds.</summary>
    public static string Normalize(string name) => Separators().Replace(name.Trim(), "-").ToLowerInvariant();

    /// <summary>A pypi purl on the normalised name, or the reason it cannot be built.</summary>
    public static (PackageUrl? Purl, string? Error) Purl(string name, string? version, IReadOnlyDictionary<string, string>? qualifiers = null)
    {
        var result = PackageUrl.Create("pypi", null, Normalize(name), version, qualifiers, null);
        return result.Success ? (result.Value, null) : (null, result.Error);
    }

    /// <summary>"sha256:abc…" as pip, Pipenv, Poetry and uv write it; null for anything else.</summary>
    public static ComponentHash? Hash(string? text)
    {
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return text is not null && colon > 0 && colon < text.Length - 1
            ? new ComponentHash(text[..colon], text[(colon + 1)..])
            : null;
    }

    public static bool IsValidName(string name) => ValidName().IsMatch(name);

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    /// <summary>PEP 508 names: letters, digits, '.', '-', '_', starting and ending with a letter or digit.</summary>
    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$")]
    private static partial Regex ValidName();
}
