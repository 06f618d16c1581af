using Ctem.Core.Versioning;
namespace Ctem.Plugins.VersionSchemes.RubyGems;

/// <summary>One segment of a gem version: a run of digits (leading zeros stripped) or a run of letters.</summary>
internal readonly record struct GemSegment(string Text, bool IsNumber)
{
    public static GemSegment Zero { get; } = new("0", true);

    public bool IsZero => IsNumber && Text == "0";

    public int CompareTo(GemSegment other)
    {
        if (IsNumber != other.IsNumber)
        {
            // A letter segment marks a pre-release, which sorts below any number in the same position.
            return IsNumber ? 1 : -1;
        }

        return IsNumber ? DigitString.Compare(Text, other.Text) : Math.Sign(string.CompareOrdinal(Text, other.Text));
    }
}
