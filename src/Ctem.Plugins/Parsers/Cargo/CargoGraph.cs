using Ctem.Core.Diagnostics;

namespace Ctem.Plugins.Parsers.Cargo;

/// <summary>
/// Resolves Cargo.lock dependency strings: "name" (v2+ when the name is unique), "name version" (when it is not), and
/// "name version (source)" (v1 always; v2+ when name and version are not enough).
/// </summary>
internal sealed class CargoGraph(IReadOnlyList<CargoPackage> packages)
{
    private readonly ILookup<string, CargoPackage> _byName = packages.ToLookup(p => p.Name, StringComparer.Ordinal);

    public static bool IsCratesIo(string source) =>
        source is "registry+https://github.com/rust-lang/crates.io-index" or "sparse+https://index.crates.io/";

    /// <summary>The packages this one depends on; unresolvable entries are reported when <paramref name="diagnostics"/> is given.</summary>
    public List<CargoPackage> Dependencies(CargoPackage package, string path, List<Diagnostic>? diagnostics)
    {
        var result = new List<CargoPackage>();
        foreach (var entry in package.Table.GetArray("dependencies")?.OfType<string>() ?? [])
        {
            if (Resolve(entry) is { } target)
            {
                result.Add(target);
            }
            else
            {
                diagnostics?.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"'{package.Name}' depends on '{entry}', which the lock does not hold (or holds ambiguously); the edge is dropped", package.Location));
            }
        }

        return result;
    }

    private CargoPackage? Resolve(string entry)
    {
        var text = entry.Trim();
        string? source = null;
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && text.EndsWith(')'))
        {
            source = text[(open + 2)..^1];
            text = text[..open];
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2)
        {
            return null;
        }

        var candidates = _byName[parts[0]].Where(p => parts.Length < 2 || p.Version == parts[1]).Where(p => source is null || p.Source == source).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
