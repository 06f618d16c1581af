namespace Ctem.Core.Model;

/// <summary>
/// Stored findings by component and every name of their vulnerability: where the rule "the same vulnerability on the
/// same component" is looked up, by the reconciler and by ingest's enrichment alike.
/// </summary>
public sealed class FindingNameIndex<T>(Func<T, (string ComponentPurl, string VulnerabilityId, IReadOnlyList<string> Aliases)> names)
{
    private readonly Dictionary<(string Purl, string Id), List<T>> _byName = [];

    public void Add(T finding)
    {
        var (purl, id, aliases) = names(finding);
        foreach (var name in aliases.Prepend(id))
        {
            if (!_byName.TryGetValue((purl, name), out var list))
            {
                _byName[(purl, name)] = list = [];
            }

            list.Add(finding);
        }
    }

    /// <summary>
    /// The stored findings that are the observation's vulnerability on its component, by each of its names in turn
    /// (a finding found by two names comes twice). Sharing only an alias is not enough (<see cref="VulnerabilityIdentity"/>).
    /// </summary>
    public IEnumerable<T> SameAs(ObservedFinding observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var vulnerability = observed.Vulnerability;
        foreach (var name in vulnerability.Aliases.Prepend(vulnerability.Id))
        {
            foreach (var finding in _byName.GetValueOrDefault((observed.ComponentCoordinates, name)) ?? [])
            {
                var (_, id, aliases) = names(finding);
                if (VulnerabilityIdentity.Same(id, aliases, vulnerability.Id, vulnerability.Aliases))
                {
                    yield return finding;
                }
            }
        }
    }
}
