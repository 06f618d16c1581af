using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Rpm;

/// <summary>A parsed RPM EVR. As in rpm's rpmverCmp, releases are compared only when both versions have one.</summary>
internal sealed class RpmVersion(string text, string epoch, string version, string? release) : ISchemeVersion
{
    public string Text => text;

    private string Epoch => epoch;

    private string Version => version;

    private string? Release => release;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not RpmVersion that)
        {
            throw new InvalidOperationException($"cannot compare an RPM version with {other?.GetType().Name ?? "null"}");
        }

        var order = RpmVerCmp.Compare(epoch, that.Epoch);
        if (order == 0)
        {
            order = RpmVerCmp.Compare(version, that.Version);
        }

        if (order == 0 && release is not null && that.Release is not null)
        {
            order = RpmVerCmp.Compare(release, that.Release);
        }

        return order;
    }
}
