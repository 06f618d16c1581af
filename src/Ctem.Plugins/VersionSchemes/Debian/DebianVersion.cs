using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Debian;

/// <summary>A parsed Debian version; a missing revision compares like dpkg's empty one, which equals "0".</summary>
internal sealed class DebianVersion(string text, string epoch, string upstream, string revision) : ISchemeVersion
{
    public string Text => text;

    private string Epoch => epoch;

    private string Upstream => upstream;

    private string Revision => revision;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not DebianVersion that)
        {
            throw new InvalidOperationException($"cannot compare a Debian version with {other?.GetType().Name ?? "null"}");
        }

        var order = DigitString.Compare(epoch, that.Epoch);
        if (order == 0)
        {
            order = DebianVerRevComparer.Compare(upstream, that.Upstream);
        }

        return order != 0 ? order : DebianVerRevComparer.Compare(revision, that.Revision);
    }
}
