using System.Collections.Frozen;
using Ctem.Core.Model;

namespace Ctem.Core.Versioning;

/// <summary>
/// The one place that says which scheme orders each OSV ecosystem's versions. An ecosystem without a scheme
/// is matched only through explicit <c>versions</c> lists: its ranges are reported as undetermined, never guessed.
/// </summary>
public static class VersionSchemes
{
    private static readonly FrozenDictionary<string, IVersionScheme> ByEcosystem = new Dictionary<string, IVersionScheme>(StringComparer.Ordinal)
    {
        ["npm"] = SemVerScheme.Instance,
        ["crates.io"] = SemVerScheme.Instance,
        ["Go"] = SemVerScheme.Instance,
        ["Hex"] = SemVerScheme.Instance,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> KnownEcosystems => ByEcosystem.Keys;

    public static IVersionScheme? For(string ecosystem) => ByEcosystem.GetValueOrDefault(Ecosystems.BaseOf(ecosystem));
}
