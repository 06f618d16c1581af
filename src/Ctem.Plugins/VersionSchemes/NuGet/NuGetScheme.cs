using System.Diagnostics.CodeAnalysis;
using Ctem.Core.Versioning;
using NuGet.Versioning;

namespace Ctem.Plugins.VersionSchemes.NuGet;

/// <summary>
/// NuGet's own ordering, from NuGet.Versioning: up to four numeric parts (missing ones are 0), SemVer 2.0
/// pre-release precedence with labels compared case-insensitively, build metadata ignored.
/// </summary>
public sealed class NuGetScheme : IVersionScheme
{
    public static NuGetScheme Instance { get; } = new();

    public string Name => "nuget";

    public IReadOnlyList<string> Ecosystems { get; } = ["NuGet"];

    public bool TryParse(string text, [NotNullWhen(true)] out ISchemeVersion? version, [NotNullWhen(false)] out string? error)
    {
        version = null;
        if (!NuGetVersion.TryParse(text, out var parsed))
        {
            error = $"'{text}' is not a NuGet version";
            return false;
        }

        version = new NuGetSchemeVersion(text, parsed);
        error = null;
        return true;
    }

    private sealed class NuGetSchemeVersion(string text, NuGetVersion parsed) : ISchemeVersion
    {
        public string Text => text;

        private NuGetVersion Parsed => parsed;

        public int CompareTo(ISchemeVersion? other)
        {
            if (other is not NuGetSchemeVersion that)
            {
                throw new InvalidOperationException($"cannot compare a NuGet version with {other?.GetType().Name ?? "null"}");
            }

            return Math.Sign(VersionComparer.Default.Compare(parsed, that.Parsed));
        }
    }
}
