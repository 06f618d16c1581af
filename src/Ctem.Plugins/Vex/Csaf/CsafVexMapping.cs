using Ctem.Core.Model;

namespace Ctem.Plugins.Vex.Csaf;

/// <summary>
/// CSAF 2.0's product status lists, flags and remediations and Ctem's states, both ways (documented in docs/cli.md,
/// "VEX mapping"). Flag labels are OpenVEX's justifications; <c>false_positive</c> is <c>known_not_affected</c> with an
/// impact threat that starts "False positive" (<see cref="VexWording"/>).
/// </summary>
internal static class CsafVexMapping
{
    public const string Version = "2.0";

    public const string VexProfile = "csaf_vex";

    /// <summary>The status lists csaf_vex requires one of (section 6.1.27.7).</summary>
    public static readonly string[] VexStatusLists = ["fixed", "known_affected", "known_not_affected", "under_investigation"];

    // The first row of each state is the one written; "recommended" names a version to use, not a state, and is not read.
    private static readonly (VexState State, string List)[] StatusLists =
    [
        (VexState.NotAffected, "known_not_affected"),
        (VexState.FalsePositive, "known_not_affected"),
        (VexState.Affected, "known_affected"),
        (VexState.Affected, "first_affected"),
        (VexState.Affected, "last_affected"),
        (VexState.Fixed, "fixed"),
        (VexState.Fixed, "first_fixed"),
        (VexState.UnderInvestigation, "under_investigation"),
    ];

    // CSAF's remediation categories, and CycloneDX's responses as the nearest of them.
    private static readonly Dictionary<string, string> Categories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mitigation"] = "mitigation",
        ["no_fix_planned"] = "no_fix_planned",
        ["none_available"] = "none_available",
        ["vendor_fix"] = "vendor_fix",
        ["workaround"] = "workaround",
        ["update"] = "vendor_fix",
        ["rollback"] = "vendor_fix",
        ["workaround_available"] = "workaround",
        ["will_not_fix"] = "no_fix_planned",
        ["can_not_fix"] = "none_available",
    };

    public static IEnumerable<(VexState State, string List)> Lists => StatusLists.DistinctBy(s => s.List);

    public static string ListOf(VexState state) => StatusLists.First(s => s.State == state).List;

    /// <summary>The remediation category for a response or category; null for one CSAF has no word for.</summary>
    public static string? CategoryOf(string response) => Categories.GetValueOrDefault(response.Trim());
}
