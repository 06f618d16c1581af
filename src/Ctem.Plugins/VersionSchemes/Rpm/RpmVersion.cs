using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Rpm;

/// <summary>
/// A parsed RPM EVR, ordered as rpm's rpmverCmp orders two EVRs: a version without a release sorts below the same
/// version with any release. (Only dependency matching, rpmverOverlap, lets a missing release match every release;
/// as an order that would make 1.0 equal to both 1.0-1 and 1.0-2.)
/// </summary>
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

        return order != 0 ? order : (release, that.Release) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            ({ } mine, { } theirs) => RpmVerCmp.Compare(mine, theirs),
        };
    }
}
