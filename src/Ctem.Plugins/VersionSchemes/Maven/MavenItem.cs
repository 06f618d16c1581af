namespace Ctem.Plugins.VersionSchemes.Maven;

/// <summary>
/// One item of a parsed Maven version, as in Maven's <c>ComparableVersion</c>: a number, a qualifier or a nested list
/// (a list starts at each '-' and at each digit/letter transition).
/// </summary>
internal abstract class MavenItem
{
    /// <summary>True for the items that trailing-item normalisation removes: 0, the release qualifier, an empty list.</summary>
    public abstract bool IsNull { get; }

    /// <summary>Compares with another item; <paramref name="other"/> is null where the other version has run out of items.</summary>
    public abstract int CompareTo(MavenItem? other);
}
