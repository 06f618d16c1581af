namespace Ctem.Core.Versioning;

/// <summary>
/// A total order over any texts for one scheme, for sorting and showing versions: the texts the scheme reads, in its
/// order, then the texts it cannot read, by ordinal text. A text always equals itself, version or not. Matching never
/// uses the place of an unreadable text: a range check with one is undetermined.
/// </summary>
public static class VersionOrder
{
    /// <summary>-1, 0 or 1; never throws, whatever either text holds.</summary>
    public static int Compare(IVersionScheme scheme, string left, string right)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return 0;
        }

        var leftVersion = scheme.TryParse(left, out var a, out _) ? a : null;
        var rightVersion = scheme.TryParse(right, out var b, out _) ? b : null;
        return (leftVersion, rightVersion) switch
        {
            ({ } x, { } y) => Math.Sign(x.CompareTo(y)),
            ({ }, null) => -1,
            (null, { }) => 1,
            _ => Math.Sign(string.CompareOrdinal(left, right)),
        };
    }
}
