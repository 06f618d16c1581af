using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Spdx3;

/// <summary>One package element of an SPDX 3 graph, as read before the product and the edges are known.</summary>
/// <param name="Pointer">JSON pointer of the element (<c>/@graph/7</c>).</param>
internal sealed record Spdx3Package(
    string? Id,
    string Name,
    string? Version,
    PackageUrl? Purl,
    string? Cpe,
    IReadOnlyList<ComponentHash> Hashes,
    string? Type,
    string Pointer);
