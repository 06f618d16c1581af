namespace Ctem.Plugins.Parsers.Apk;

/// <summary>
/// Turns the <c>D:</c> dependencies of installed packages into edges between them, through package names and the
/// <c>p:</c> provides (<c>so:libc.musl-x86_64.so.1</c>, <c>cmd:sh</c>, …) apk resolves them by; conflicts
/// (<c>!name</c>) and what is not installed are left out.
/// </summary>
internal sealed class ApkDependencyResolver
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _byProvided = new(StringComparer.Ordinal);

    public ApkDependencyResolver(IEnumerable<(ApkPackage Package, string BomRef)> installed)
    {
        foreach (var (package, bomRef) in installed)
        {
            _byName.TryAdd(package['P']!, bomRef);
            foreach (var provided in Tokens(package['p']))
            {
                _byProvided.TryAdd(provided, bomRef);
            }
        }
    }

    public IReadOnlyList<string> Resolve(ApkPackage package, string self)
    {
        var edges = new List<string>();
        foreach (var dependency in Tokens(package['D']))
        {
            if (dependency.StartsWith('!'))
            {
                continue;
            }

            var target = _byName.GetValueOrDefault(dependency) ?? _byProvided.GetValueOrDefault(dependency);
            if (target is not null && target != self && !edges.Contains(target, StringComparer.Ordinal))
            {
                edges.Add(target);
            }
        }

        return edges;
    }

    /// <summary>"so:libc.musl-x86_64.so.1 musl>=1.2.4 cmd:sh=1.36.1-r15": the names, without version constraints.</summary>
    private static IEnumerable<string> Tokens(string? field) =>
        (field ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(token => token.IndexOfAny(['<', '>', '=', '~']) is > 0 and var end ? token[..end] : token);
}
