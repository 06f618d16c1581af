namespace Ctem.Plugins.Parsers.Spdx3;

/// <summary>A <c>Relationship</c> (or <c>LifecycleScopedRelationship</c>, with its <c>scope</c>) of an SPDX 3 graph.</summary>
internal sealed record Spdx3Relationship(string From, string Type, IReadOnlyList<string> To, string? Scope);
