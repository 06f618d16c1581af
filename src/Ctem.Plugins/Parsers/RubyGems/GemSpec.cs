namespace Ctem.Plugins.Parsers.RubyGems;

/// <summary>One <c>name (version[-platform])</c> spec of a GEM, GIT or PATH section and the gem names it depends on.</summary>
internal sealed record GemSpec(string Section, string? Remote, string? Revision, string Name, string Version, string? Platform, int Line)
{
    public List<string> Dependencies { get; } = [];
}
