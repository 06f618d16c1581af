using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Npm;

/// <summary>What one yarn.lock entry is: a package, a workspace of the project, or a local folder (not a package).</summary>
internal enum YarnEntryKind
{
    Package,

    /// <summary>A package with a yarn patch applied: the same package as its unpatched entry, when that is listed.</summary>
    Patch,
    Workspace,
    RootWorkspace,
    Local,
}

/// <summary>One yarn.lock entry in either syntax: the patterns (descriptors) it satisfies and what it requires.</summary>
internal sealed record YarnEntry(
    YarnEntryKind Kind,
    string BomRef,
    string Name,
    string? Version,
    int Line,
    IReadOnlyList<string> Patterns,
    IReadOnlyList<(string Name, string Range, bool Optional)> Dependencies,
    IReadOnlyList<ComponentHash> Hashes);
