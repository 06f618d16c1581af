namespace Ctem.Core.Extensibility;

/// <summary>Identity shared by every plugin, stamped on what it produces.</summary>
public interface IPlugin
{
    /// <summary>Stable lowercase "family/format" id, e.g. "cyclonedx/json".</summary>
    string Name { get; }

    /// <summary>Bumped whenever the same input would produce different output.</summary>
    int Version { get; }
}

/// <summary>One input handed to a parser. The caller owns and disposes the stream.</summary>
public sealed record InputSource(string Path, Stream Content)
{
    /// <summary>
    /// Reads a file next to the input that its format refers to (a .csproj's Directory.Packages.props, a pom's
    /// parent): given an absolute path, its bytes, or null when it does not exist, is too large, or lies outside what
    /// the scan may read. Parsers never open files themselves; without this (null) they work from the input alone.
    /// </summary>
    public Func<string, byte[]?>? Related { get; init; }
}
