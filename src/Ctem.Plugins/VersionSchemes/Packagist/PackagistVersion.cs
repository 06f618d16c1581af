using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Packagist;

/// <summary>A Composer version as its canonical parts, compared the way PHP's <c>version_compare</c> walks them.</summary>
internal sealed class PackagistVersion(string text, PackagistPart[] parts) : ISchemeVersion
{
    public string Text => text;

    private PackagistPart[] Parts => parts;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not PackagistVersion that)
        {
            throw new InvalidOperationException($"cannot compare a Packagist version with {other?.GetType().Name ?? "null"}");
        }

        // Where one version runs out, its end is ranked against the other's next part: 1.0.1 > 1.0 > 1.0RC1, and
        // 1.0pl1 > 1.0.
        for (var i = 0; i < Math.Max(parts.Length, that.Parts.Length); i++)
        {
            var mine = i < parts.Length ? parts[i] : PackagistPart.End;
            var theirs = i < that.Parts.Length ? that.Parts[i] : PackagistPart.End;
            var order = mine.CompareTo(theirs);
            if (order != 0)
            {
                return Math.Sign(order);
            }
        }

        return 0;
    }
}
