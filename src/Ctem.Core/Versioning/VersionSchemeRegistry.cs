using System.Collections.Frozen;
using Ctem.Core.Model;

namespace Ctem.Core.Versioning;

/// <summary>
/// Which scheme orders each OSV ecosystem's versions. An ecosystem without a scheme is matched only through explicit
/// <c>versions</c> lists: its ranges are reported as undetermined, never guessed.
/// </summary>
public sealed class VersionSchemeRegistry
{
    private readonly FrozenDictionary<string, IVersionScheme> _byEcosystem;

    public VersionSchemeRegistry(IEnumerable<IVersionScheme> schemes)
    {
        var map = new Dictionary<string, IVersionScheme>(StringComparer.Ordinal);
        foreach (var scheme in schemes)
        {
            foreach (var ecosystem in scheme.Ecosystems)
            {
                if (!map.TryAdd(ecosystem, scheme))
                {
                    throw new ArgumentException($"ecosystem '{ecosystem}' has two version schemes: {map[ecosystem].Name} and {scheme.Name}", nameof(schemes));
                }
            }
        }

        _byEcosystem = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> KnownEcosystems => _byEcosystem.Keys;

    /// <summary>The scheme of an OSV ecosystem name; "Debian:12" and "Alpine:v3.20" use their base ecosystem's.</summary>
    public IVersionScheme? For(string ecosystem) => _byEcosystem.GetValueOrDefault(Ecosystems.BaseOf(ecosystem));
}
