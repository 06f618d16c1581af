using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.RubyGems;

/// <summary>What one pass over a Gemfile.lock collects.</summary>
internal sealed class GemLock
{
    public int Sections { get; set; }

    public List<GemSpec> Specs { get; } = [];

    /// <summary>Gem names under DEPENDENCIES.</summary>
    public HashSet<string> Direct { get; } = new(StringComparer.Ordinal);

    /// <summary>What the product's own gemspec (PATH ".") depends on: direct too, though DEPENDENCIES names only the gemspec.</summary>
    public HashSet<string> LocalDependencies { get; } = new(StringComparer.Ordinal);

    /// <summary>CHECKSUMS lines by their "name (version[-platform])" key.</summary>
    public Dictionary<string, List<ComponentHash>> Checksums { get; } = new(StringComparer.Ordinal);
}
