using System.Text.RegularExpressions;

namespace Ctem.Plugins.VersionSchemes.Pub;

/// <summary>
/// The dot-separated parts of a pre-release or build. pub_semver turns each part that Dart's <c>int.tryParse</c>
/// accepts into a number and leaves the rest as strings.
/// </summary>
internal static class PubIdentifiers
{
    public static PubIdentifier[] Split(Group group) =>
        group.Success ? [.. group.Value.Split('.').Select(Parse)] : [];

    /// <summary>
    /// pub_semver's list order: a missing part sorts first, numbers before strings, numbers by value, strings by
    /// code unit.
    /// </summary>
    public static int Compare(PubIdentifier[] a, PubIdentifier[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            if (i >= a.Length || i >= b.Length)
            {
                return i >= a.Length ? -1 : 1;
            }

            var order = (a[i].Number, b[i].Number) switch
            {
                ({ } x, { } y) => x.CompareTo(y),
                (not null, null) => -1,
                (null, not null) => 1,
                _ => string.CompareOrdinal(a[i].Text, b[i].Text),
            };
            if (order != 0)
            {
                return Math.Sign(order);
            }
        }

        return 0;
    }

    private static PubIdentifier Parse(string part) => new(part, DartInt.TryParse(part));
}

/// <summary>One pre-release or build part: its text and, when Dart reads it as an int, its value.</summary>
internal sealed record PubIdentifier(string Text, long? Number);
