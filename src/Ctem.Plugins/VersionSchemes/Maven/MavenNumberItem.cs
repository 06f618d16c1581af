namespace Ctem.Plugins.VersionSchemes.Maven;

/// <summary>A numeric item, kept as a digit string without leading zeros so any length compares without overflow.</summary>
internal sealed class MavenNumberItem(string digits) : MavenItem
{
    public static MavenNumberItem Zero { get; } = new("0");

    public string Digits => digits;

    public override bool IsNull => digits == "0";

    public override int CompareTo(MavenItem? other) => other switch
    {
        // 1.0 == 1 but 1.1 > 1.
        null => IsNull ? 0 : 1,
        MavenNumberItem number => digits.Length != number.Digits.Length
            ? digits.Length.CompareTo(number.Digits.Length)
            : Math.Sign(string.CompareOrdinal(digits, number.Digits)),

        // A number outranks a qualifier (1.1 > 1-sp) and a sub-list (1.1 > 1-1).
        _ => 1,
    };

    public static MavenNumberItem Parse(string text)
    {
        var trimmed = text.TrimStart('0');
        return new MavenNumberItem(trimmed.Length == 0 ? "0" : trimmed);
    }
}
