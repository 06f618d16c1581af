using Ctem.Plugins.Parsers.Toml;

namespace Ctem.Plugins.Parsers.Cargo;

/// <summary>One <c>[[package]]</c> of a Cargo.lock; <see cref="Source"/> null marks a workspace member.</summary>
internal sealed record CargoPackage(string Name, string Version, string? Source, string? Checksum, TomlTable Table);
