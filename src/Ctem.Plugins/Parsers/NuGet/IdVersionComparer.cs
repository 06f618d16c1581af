namespace Ctem.Plugins.Parsers.NuGet;

/// <summary>NuGet ids compare without case; versions as written, since a lock file writes each one the same way.</summary>
internal sealed class IdVersionComparer : IEqualityComparer<(string Id, string? Version)>
{
    public static readonly IdVersionComparer Instance = new();

    public bool Equals((string Id, string? Version) x, (string Id, string? Version) y) =>
        StringComparer.OrdinalIgnoreCase.Equals(x.Id, y.Id) && StringComparer.OrdinalIgnoreCase.Equals(x.Version, y.Version);

    public int GetHashCode((string Id, string? Version) obj) =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Id), obj.Version is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Version));
}
