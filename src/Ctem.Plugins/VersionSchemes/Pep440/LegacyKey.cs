namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>
/// The sort key packaging (before 22.0) gave a <c>LegacyVersion</c>, inherited from setuptools' parse_version:
/// the lower-cased text cut into numbers (zero-padded to eight digits so they sort as text), words and separators,
/// with pre-release words ranked below "final", dev below everything, and trailing zeros of each number run dropped.
/// </summary>
internal sealed class LegacyKey
{
    private const string Final = "*final";
    private const string FinalDash = "*final-";
    private const string PaddedZero = "00000000";

    private LegacyKey(List<string> parts) => Parts = parts;

    private List<string> Parts { get; }

    public static LegacyKey Parse(string text)
    {
        var parts = new List<string>();
        foreach (var part in LegacyTokens.Split(PythonText.Lower(text)))
        {
            if (part.StartsWith('*'))
            {
                // A "-" directly before a pre-release word ("1.0-rc1") must not rank the pre-release above "1.0".
                if (PythonText.Compare(part, Final) < 0)
                {
                    while (parts.Count > 0 && parts[^1] == FinalDash)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }

                while (parts.Count > 0 && parts[^1] == PaddedZero)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }

            parts.Add(part);
        }

        return new LegacyKey(parts);
    }

    // Python tuple order over strings: element by element by code point, a proper prefix first.
    public int CompareTo(LegacyKey other)
    {
        for (var i = 0; i < Math.Min(Parts.Count, other.Parts.Count); i++)
        {
            var order = PythonText.Compare(Parts[i], other.Parts[i]);
            if (order != 0)
            {
                return Math.Sign(order);
            }
        }

        return Parts.Count.CompareTo(other.Parts.Count);
    }
}
