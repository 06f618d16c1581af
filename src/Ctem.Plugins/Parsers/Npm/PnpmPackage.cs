using Ctem.Core.Model;
using YamlDotNet.RepresentationModel;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>One pnpm package (all its peer variants): what it requires and what its flags say of its scope.</summary>
internal sealed class PnpmPackage(string name, string? version, string location, IReadOnlyList<ComponentHash> hashes)
{
    private readonly List<(string Name, string Reference, bool Optional)> _dependencies = [];

    public string Name { get; } = name;

    public string? Version { get; } = version;

    public string Location { get; } = location;

    public IReadOnlyList<ComponentHash> Hashes { get; } = hashes;

    public IReadOnlyList<(string Name, string Reference, bool Optional)> Dependencies => _dependencies;

    /// <summary>The scope its <c>dev</c>/<c>optional</c> flags give (5.x, 6.x), the strongest over its variants; null without flags.</summary>
    public DependencyScope? Scope { get; private set; }

    public void Flag(YamlNode body)
    {
        var dev = Yaml.Scalar(body, "dev");
        if (dev is null)
        {
            return;
        }

        var scope = dev == "true" ? DependencyScope.Development
            : Yaml.True(body, "optional") ? DependencyScope.Optional
            : DependencyScope.Runtime;
        Scope = Scope is not { } known || Rank(scope) < Rank(known) ? scope : known;
    }

    private static int Rank(DependencyScope scope) => scope switch
    {
        DependencyScope.Runtime => 0,
        DependencyScope.Optional => 1,
        _ => 2,
    };

    public void AddDependencies(YamlNode body)
    {
        foreach (var (dependency, reference) in Yaml.ScalarEntries(Yaml.Mapping(body, "dependencies")))
        {
            _dependencies.Add((dependency, reference, false));
        }

        foreach (var (dependency, reference) in Yaml.ScalarEntries(Yaml.Mapping(body, "optionalDependencies")))
        {
            _dependencies.Add((dependency, reference, true));
        }
    }
}
