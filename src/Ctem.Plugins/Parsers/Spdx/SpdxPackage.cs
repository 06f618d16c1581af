using Ctem.Core.Model;

namespace Ctem.Plugins.Parsers.Spdx;

/// <summary>One SPDX package as either serialisation read it, before the product is set apart.</summary>
/// <param name="Location">JSON pointer or line number of the package, as diagnostics and components report it.</param>
internal sealed record SpdxPackage(string? Id, string Name, string? Version, PackageUrl? Purl, string Location);
