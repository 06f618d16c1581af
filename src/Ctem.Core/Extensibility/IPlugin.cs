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
public sealed record InputSource(string Path, Stream Content);
