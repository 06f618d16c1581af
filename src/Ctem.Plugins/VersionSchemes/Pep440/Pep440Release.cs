using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>
/// A version matching PEP 440's grammar, reduced to packaging's comparison key. Numbers are digit strings without
/// leading zeros; the release has its trailing zeros removed, which is what makes "1.0" equal "1.0.0".
/// </summary>
internal sealed class Pep440Release
{
    private Pep440Release(
        string epoch, string[] release, (string Letter, string Number)? pre, string? post, string? dev, LocalLabel? local)
    {
        Epoch = epoch;
        Release = release;
        Pre = pre;
        Post = post;
        Dev = dev;
        Local = local;
    }

    private string Epoch { get; }

    private string[] Release { get; }

    private (string Letter, string Number)? Pre { get; }

    private string? Post { get; }

    private string? Dev { get; }

    private LocalLabel? Local { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out Pep440Release? release)
    {
        release = null;
        if (TryParsePlainRelease(text) is { } plain)
        {
            release = plain;
            return true;
        }

        var match = Pep440Pattern.Version().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var epoch = match.Groups["epoch"].Success ? DigitString.TrimZeros(match.Groups["epoch"].ValueSpan) : "0";
        var numbers = match.Groups["release"].Value.Split('.').Select(n => DigitString.TrimZeros(n)).ToList();
        while (numbers.Count > 0 && numbers[^1] == "0")
        {
            numbers.RemoveAt(numbers.Count - 1);
        }

        (string Letter, string Number)? pre = null;
        if (match.Groups["pre_l"].Success)
        {
            // Alternative spellings normalise to a, b and rc, which then order alphabetically.
            var letter = match.Groups["pre_l"].Value.ToLowerInvariant() switch
            {
                "alpha" or "a" => "a",
                "beta" or "b" => "b",
                _ => "rc",
            };
            pre = (letter, NumberOrZero(match.Groups["pre_n"]));
        }

        string? post = null;
        if (match.Groups["post_n1"].Success)
        {
            post = DigitString.TrimZeros(match.Groups["post_n1"].ValueSpan);
        }
        else if (match.Groups["post_l"].Success)
        {
            post = NumberOrZero(match.Groups["post_n2"]);
        }

        var dev = match.Groups["dev_l"].Success ? NumberOrZero(match.Groups["dev_n"]) : null;
        var local = match.Groups["local"].Success ? LocalLabel.Parse(match.Groups["local"].Value) : null;
        release = new Pep440Release(epoch, [.. numbers], pre, post, dev, local);
        return true;
    }

    /// <summary>
    /// Most versions are a bare release ("2.31.0"): read without the pattern, which is what parsing spent its time on.
    /// Null for anything else, which the pattern then reads.
    /// </summary>
    private static Pep440Release? TryParsePlainRelease(string text)
    {
        var span = text.AsSpan();
        var parts = span.Count('.') + 1;
        var numbers = new string[parts];
        var count = 0;
        foreach (var range in span.Split('.'))
        {
            var part = span[range];
            if (part.IsEmpty || !DigitString.IsDigits(part))
            {
                return null;
            }

            numbers[count++] = DigitString.TrimZeros(part);
        }

        while (count > 0 && numbers[count - 1] == "0")
        {
            count--;
        }

        return new Pep440Release("0", numbers[..count], null, null, null, null);
    }

    public int CompareTo(Pep440Release other)
    {
        var order = DigitString.Compare(Epoch, other.Epoch);
        if (order == 0)
        {
            order = CompareRelease(Release, other.Release);
        }

        if (order == 0)
        {
            order = ComparePre(other);
        }

        if (order == 0)
        {
            // No post-release sorts below any post-release.
            order = CompareOptional(Post, other.Post, missingIsLow: true);
        }

        if (order == 0)
        {
            // No dev-release sorts above any dev-release.
            order = CompareOptional(Dev, other.Dev, missingIsLow: false);
        }

        if (order == 0)
        {
            order = (Local, other.Local) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                ({ } left, { } right) => left.CompareTo(right),
            };
        }

        return order;
    }

    private static string NumberOrZero(Group group) => group.Success ? DigitString.TrimZeros(group.ValueSpan) : "0";

    private static int CompareRelease(string[] a, string[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var order = DigitString.Compare(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static int CompareOptional(string? a, string? b, bool missingIsLow) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => missingIsLow ? -1 : 1,
        (_, null) => missingIsLow ? 1 : -1,
        ({ } left, { } right) => DigitString.Compare(left, right),
    };

    // A dev-release of a final release ("1.0.dev0") sorts before its pre-releases; any other version without a
    // pre-release sorts after them.
    private int PreRank => Pre is not null ? 0 : Post is null && Dev is not null ? -1 : 1;

    private int ComparePre(Pep440Release other)
    {
        var order = PreRank.CompareTo(other.PreRank);
        if (order != 0 || Pre is not { } mine || other.Pre is not { } theirs)
        {
            return order;
        }

        order = Math.Sign(string.CompareOrdinal(mine.Letter, theirs.Letter));
        return order != 0 ? order : DigitString.Compare(mine.Number, theirs.Number);
    }
}
