using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.Alpine;

/// <summary>
/// A parsed apk version. Parts compare in order: numeric components, letter, suffixes, revision. Text apk itself
/// would reject is ordered as OSV's reference (osv-scalibr) orders it: two malformed versions compare as plain
/// strings, and otherwise the parts that did parse decide, with trailing junk ranking below none.
/// </summary>
internal sealed class AlpineVersion(
    string text,
    string trimmed,
    bool wellFormed,
    IReadOnlyList<string> components,
    char? letter,
    IReadOnlyList<AlpineSuffix> suffixes,
    string revision,
    string remainder) : ISchemeVersion
{
    public string Text => text;

    private string Trimmed => trimmed;

    private bool WellFormed => wellFormed;

    private IReadOnlyList<string> Components => components;

    private char? Letter => letter;

    private IReadOnlyList<AlpineSuffix> Suffixes => suffixes;

    private string Revision => revision;

    private bool HasRemainder => remainder.Length > 0;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not AlpineVersion that)
        {
            throw new InvalidOperationException($"cannot compare an Alpine version with {other?.GetType().Name ?? "null"}");
        }

        if (!wellFormed && !that.WellFormed)
        {
            return Math.Sign(string.CompareOrdinal(trimmed, that.Trimmed));
        }

        var order = CompareComponents(that.Components);
        if (order == 0)
        {
            order = CompareLetters(that.Letter);
        }

        if (order == 0)
        {
            order = CompareSuffixes(that.Suffixes);
        }

        if (order == 0)
        {
            order = DigitString.Compare(revision, that.Revision);
        }

        return order != 0 ? order : that.HasRemainder.CompareTo(HasRemainder);
    }

    // With equal leading components, the version with more of them is the later one, as in apk.
    private int CompareComponents(IReadOnlyList<string> others)
    {
        for (var i = 0; i < Math.Min(components.Count, others.Count); i++)
        {
            var order = AlpineNumbers.CompareComponent(components[i], others[i], i);
            if (order != 0)
            {
                return order;
            }
        }

        return components.Count.CompareTo(others.Count);
    }

    private int CompareLetters(char? other) => (letter, other) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        _ => letter.Value.CompareTo(other.Value),
    };

    private int CompareSuffixes(IReadOnlyList<AlpineSuffix> others)
    {
        for (var i = 0; i < Math.Max(suffixes.Count, others.Count); i++)
        {
            var mine = i < suffixes.Count ? suffixes[i] : AlpineSuffix.Release;
            var theirs = i < others.Count ? others[i] : AlpineSuffix.Release;
            var order = mine.CompareTo(theirs);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }
}
