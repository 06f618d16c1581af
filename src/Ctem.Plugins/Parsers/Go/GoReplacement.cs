namespace Ctem.Plugins.Parsers.Go;

/// <summary>A <c>replace</c> directive: <see cref="Version"/> null applies it to every version; <see cref="NewVersion"/> null means a local directory.</summary>
internal sealed record GoReplacement(string Module, string? Version, string NewModule, string? NewVersion, int Line);
