namespace Ctem.Core.Scoring;

/// <summary>
/// The rounding rules of CVSS v2.0 and v3.x. Their equations run in <see cref="decimal"/> so that constants such as
/// 0.62 are exact and a rounding step never sees a binary artefact like 4.0000000001 (which "round up" would lift to 4.1).
/// </summary>
internal static class CvssRounding
{
    /// <summary>v2.0's round_to_1_decimal: nearest tenth, halves away from zero.</summary>
    public static decimal HalfUp(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>v3.0's "Round up": the smallest one-decimal number equal to or higher than the input.</summary>
    public static decimal Ceiling(decimal value) => Math.Ceiling(value * 10m) / 10m;

    /// <summary>
    /// v3.1's Roundup (specification Appendix A): like <see cref="Ceiling"/>, but the input is first rounded to five
    /// decimals so that values a hair above a tenth (floating-point noise in other implementations) stay on it.
    /// </summary>
    public static decimal Roundup(decimal value)
    {
        var integer = Math.Round(value * 100_000m, MidpointRounding.AwayFromZero);
        return integer % 10_000m == 0m ? integer / 100_000m : (Math.Floor(integer / 10_000m) + 1m) / 10m;
    }

    /// <summary>A one-decimal score as the nearest double to it (as parsing its text would give).</summary>
    public static double ToDouble(decimal oneDecimal) => decimal.ToInt64(Math.Round(oneDecimal * 10m)) / 10.0;

    /// <summary>Integer power by repeated multiplication: exact enough in decimal for the v3 scope-changed terms.</summary>
    public static decimal Power(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= value;
        }

        return result;
    }
}
