using System.Diagnostics.CodeAnalysis;

namespace Ctem.Core.Versioning;

/// <summary>A version parsed by its ecosystem's scheme; only versions of the same scheme are compared.</summary>
public interface ISchemeVersion : IComparable<ISchemeVersion>
{
    string Text { get; }
}

/// <summary>An ecosystem's version ordering. Versions are never compared as strings.</summary>
public interface IVersionScheme
{
    /// <summary>Stable name of the scheme, e.g. "semver".</summary>
    string Name { get; }

    /// <summary>The OSV ecosystems (base names, without ":suffix") whose versions this scheme orders.</summary>
    IReadOnlyList<string> Ecosystems { get; }

    bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error);
}
