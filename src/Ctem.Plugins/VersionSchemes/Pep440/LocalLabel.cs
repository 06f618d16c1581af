using Ctem.Core.Versioning;
namespace Ctem.Plugins.VersionSchemes.Pep440;

/// <summary>
/// A PEP 440 local version label ("+ubuntu.1"): segments split on ".", "-" or "_", lower-cased; numeric segments
/// compare as numbers and above any alphanumeric segment, and a label extending another sorts after it.
/// </summary>
internal sealed class LocalLabel
{
    private static readonly char[] Separators = ['.', '-', '_'];

    private LocalLabel(string[] segments) => Segments = segments;

    private string[] Segments { get; }

    public static LocalLabel Parse(string label) =>
        new([.. label.ToLowerInvariant().Split(Separators).Select(s => IsNumber(s) ? DigitString.TrimZeros(s) : s)]);

    public int CompareTo(LocalLabel other)
    {
        for (var i = 0; i < Math.Min(Segments.Length, other.Segments.Length); i++)
        {
            var a = Segments[i];
            var b = other.Segments[i];
            var order = (IsNumber(a), IsNumber(b)) switch
            {
                (true, true) => DigitString.Compare(a, b),
                (true, false) => 1,
                (false, true) => -1,
                _ => Math.Sign(string.CompareOrdinal(a, b)),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return Segments.Length.CompareTo(other.Segments.Length);
    }

    private static bool IsNumber(string segment) => DigitString.IsDigits(segment);
}
