using Ctem.Core.Model;

namespace Ctem.Core.Extensibility;

/// <summary>What an SBOM says about who made it and when; the serial number is derived from the content.</summary>
public sealed record SbomMetadata(string ToolName, string ToolVersion, DateTimeOffset Timestamp);

/// <summary>Writes a discovered inventory as an SBOM document (like Syft): CycloneDX JSON/XML, SPDX JSON.</summary>
public interface ISbomWriter : IPlugin
{
    /// <summary>The <c>--format</c> value that selects this writer, e.g. "cyclonedx-json".</summary>
    string Format { get; }

    void Write(Inventory inventory, SbomMetadata metadata, Stream output);
}
