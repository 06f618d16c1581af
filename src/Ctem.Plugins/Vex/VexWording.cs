namespace Ctem.Plugins.Vex;

/// <summary>
/// The fixed sentences that carry what OpenVEX and CSAF have no field for, so that an export reads back exactly:
/// <c>false_positive</c> is <c>not_affected</c> with an impact statement that starts "False positive", and an
/// <c>affected</c> statement without an action gets a sentence saying so (both formats require one).
/// </summary>
internal static class VexWording
{
    public const string NoActionStatement = "No action statement was recorded.";

    /// <summary>What a <c>not_affected</c> without justification or detail is exported with (the formats require a reason); read back as written.</summary>
    public const string NoImpactStatement = "No impact statement was recorded.";

    private const string FalsePositive = "False positive";

    public static string FalsePositiveImpact(string? detail) => detail is null ? FalsePositive + "." : $"{FalsePositive}: {detail}";

    /// <summary>Whether an impact statement marks a false positive, and the detail after the marker.</summary>
    public static bool IsFalsePositive(string? impact, out string? detail)
    {
        detail = null;
        if (impact is null || !impact.StartsWith(FalsePositive, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = impact[FalsePositive.Length..];
        if (rest == ".")
        {
            return true;
        }

        if (!rest.StartsWith(": ", StringComparison.Ordinal))
        {
            return false;
        }

        detail = rest[2..];
        return true;
    }

    /// <summary>The action as read: null for the exported stand-in.</summary>
    public static string? Action(string? written) => written == NoActionStatement ? null : written;
}
