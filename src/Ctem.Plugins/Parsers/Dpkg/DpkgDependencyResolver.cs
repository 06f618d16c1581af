namespace Ctem.Plugins.Parsers.Dpkg;

/// <summary>
/// Turns the <c>Depends</c> and <c>Pre-Depends</c> fields of installed packages into edges between them: of each
/// "a | b" alternative the first installed (or provided) one is taken; what is not installed is left out.
/// </summary>
internal sealed class DpkgDependencyResolver
{
    private readonly Dictionary<string, List<(string? Architecture, string BomRef)>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string? Architecture, string BomRef)>> _byProvided = new(StringComparer.Ordinal);

    public DpkgDependencyResolver(IEnumerable<(DpkgStanza Stanza, string BomRef)> installed)
    {
        foreach (var (stanza, bomRef) in installed)
        {
            var entry = (stanza["Architecture"], bomRef);
            Add(_byName, stanza["Package"]!, entry);
            foreach (var provided in Relations(stanza["Provides"]).SelectMany(group => group))
            {
                Add(_byProvided, provided, entry);
            }
        }
    }

    public IReadOnlyList<string> Resolve(DpkgStanza stanza)
    {
        var architecture = stanza["Architecture"];
        var edges = new List<string>();
        foreach (var group in Relations(stanza["Pre-Depends"]).Concat(Relations(stanza["Depends"])))
        {
            var target = group
                .Select(name => Pick(_byName.GetValueOrDefault(name), architecture) ?? Pick(_byProvided.GetValueOrDefault(name), architecture))
                .FirstOrDefault(found => found is not null);
            if (target is not null && !edges.Contains(target, StringComparer.Ordinal))
            {
                edges.Add(target);
            }
        }

        return edges;
    }

    /// <summary>"libc6 (>= 2.34), libssl3 | libssl1.1, perl:any": one list of package names per comma-separated group.</summary>
    private static IEnumerable<string[]> Relations(string? field) =>
        (field ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(group => group
                .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(NameOf)
                .Where(name => name.Length > 0)
                .ToArray());

    private static string NameOf(string relation)
    {
        var end = relation.IndexOfAny([' ', '(', '[', '<', '\n', '\t']);
        var name = end < 0 ? relation : relation[..end];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[..colon];
    }

    // With multiarch the same name is installed for several architectures: prefer the dependent's own, then "all".
    private static string? Pick(List<(string? Architecture, string BomRef)>? candidates, string? architecture) =>
        candidates is null
            ? null
            : (candidates.FirstOrDefault(c => c.Architecture == architecture).BomRef
                ?? candidates.FirstOrDefault(c => c.Architecture == "all").BomRef
                ?? candidates[0].BomRef);

    private static void Add(Dictionary<string, List<(string? Architecture, string BomRef)>> index, string name, (string? Architecture, string BomRef) entry)
    {
        if (!index.TryGetValue(name, out var list))
        {
            index[name] = list = [];
        }

        list.Add(entry);
    }
}
