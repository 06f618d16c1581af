using Tomlyn.Model;

namespace Ctem.Plugins.Parsers.Cargo;

/// <summary>One <c>[[package]]</c> of a Cargo.lock, with its "line N"; <see cref="Source"/> null marks a workspace member.</summary>
internal sealed record CargoPackage(string Name, string Version, string? Source, string? Checksum, TomlTable Table, string? Location);
