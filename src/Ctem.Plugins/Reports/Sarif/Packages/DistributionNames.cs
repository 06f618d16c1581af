using System.Collections.Frozen;

namespace Ctem.Plugins.Reports.Sarif.Packages;

/// <summary>
/// The distribution a scanned image's name suggests ("alpine-310", "debian:bookworm-slim"): a guess, since an image
/// name is not its contents.
/// </summary>
internal static class DistributionNames
{
    private static readonly FrozenDictionary<string, (string PurlType, string Namespace)> Known = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["alpine"] = ("apk", "alpine"),
        ["debian"] = ("deb", "debian"),
        ["ubuntu"] = ("deb", "ubuntu"),
        ["centos"] = ("rpm", "centos"),
        ["rockylinux"] = ("rpm", "rocky"),
        ["almalinux"] = ("rpm", "almalinux"),
        ["fedora"] = ("rpm", "fedora"),
        ["oraclelinux"] = ("rpm", "oracle"),
        ["amazonlinux"] = ("rpm", "amazon"),
        ["ubi"] = ("rpm", "redhat"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The one distribution the names suggest, with the name that suggested it; null when none or several do.</summary>
    public static (string PurlType, string Namespace, string Name)? Guess(IEnumerable<string> names)
    {
        var found = new List<(string, string, string)>();
        foreach (var name in names)
        {
            foreach (var word in name.ToLowerInvariant().Split(['/', ':', '-', '_', '.', '@', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Known.TryGetValue(word, out var distribution))
                {
                    found.Add((distribution.PurlType, distribution.Namespace, name));
                }
            }
        }

        return found.DistinctBy(f => (f.Item1, f.Item2)).ToList() is [var only] ? only : null;
    }
}
