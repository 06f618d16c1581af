namespace Ctem.Core.Model;

/// <summary>
/// The words Ctem writes for VEX states and justifications (OpenVEX's, plus <c>false_positive</c>): on the command line,
/// in JSON and in the database.
/// </summary>
public static class VexNames
{
    public static readonly IReadOnlyList<string> States = ["not_affected", "affected", "fixed", "under_investigation", "false_positive"];

    public static readonly IReadOnlyList<string> Justifications =
    [
        "component_not_present", "vulnerable_code_not_present", "vulnerable_code_not_in_execute_path",
        "vulnerable_code_cannot_be_controlled_by_adversary", "inline_mitigations_already_exist",
    ];

    public static string Name(VexState state) => state switch
    {
        VexState.NotAffected => "not_affected",
        VexState.Affected => "affected",
        VexState.Fixed => "fixed",
        VexState.UnderInvestigation => "under_investigation",
        VexState.FalsePositive => "false_positive",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "a stored or written statement has a state"),
    };

    public static string? Name(VexJustification justification) => justification switch
    {
        VexJustification.Unspecified => null,
        VexJustification.ComponentNotPresent => "component_not_present",
        VexJustification.VulnerableCodeNotPresent => "vulnerable_code_not_present",
        VexJustification.VulnerableCodeNotInExecutePath => "vulnerable_code_not_in_execute_path",
        VexJustification.VulnerableCodeCannotBeControlledByAdversary => "vulnerable_code_cannot_be_controlled_by_adversary",
        VexJustification.InlineMitigationsAlreadyExist => "inline_mitigations_already_exist",
        _ => throw new ArgumentOutOfRangeException(nameof(justification), justification, null),
    };

    public static VexState? StateOf(string name) => name switch
    {
        "not_affected" => VexState.NotAffected,
        "affected" => VexState.Affected,
        "fixed" => VexState.Fixed,
        "under_investigation" => VexState.UnderInvestigation,
        "false_positive" => VexState.FalsePositive,
        _ => null,
    };

    public static VexJustification? JustificationOf(string name) => name switch
    {
        "component_not_present" => VexJustification.ComponentNotPresent,
        "vulnerable_code_not_present" => VexJustification.VulnerableCodeNotPresent,
        "vulnerable_code_not_in_execute_path" => VexJustification.VulnerableCodeNotInExecutePath,
        "vulnerable_code_cannot_be_controlled_by_adversary" => VexJustification.VulnerableCodeCannotBeControlledByAdversary,
        "inline_mitigations_already_exist" => VexJustification.InlineMitigationsAlreadyExist,
        _ => null,
    };

    /// <summary>States that answer a finding: it leaves the default findings list, the counts and <c>--fail-on</c>.</summary>
    public static bool Closes(VexState state) => state is VexState.NotAffected or VexState.FalsePositive or VexState.Fixed;
}
