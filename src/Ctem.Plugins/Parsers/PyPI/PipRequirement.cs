using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.PyPI;

/// <summary>One requirement line of a requirements or constraints file, before constraints pin it.</summary>
internal sealed record PipRequirement(string Name, string? Version, string Specifier, IReadOnlyList<ComponentHash> Hashes, string Path, int Line);
