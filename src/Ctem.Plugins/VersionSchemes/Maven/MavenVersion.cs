using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Maven;

internal sealed class MavenVersion(string text, MavenListItem items) : ISchemeVersion
{
    public string Text => text;

    private MavenListItem Items => items;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not MavenVersion that)
        {
            throw new InvalidOperationException($"cannot compare a Maven version with {other?.GetType().Name ?? "null"}");
        }

        return Math.Sign(items.CompareTo(that.Items));
    }
}
