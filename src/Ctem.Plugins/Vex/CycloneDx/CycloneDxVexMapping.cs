using Ctem.Core.Model;

namespace Ctem.Plugins.Vex.CycloneDx;

/// <summary>
/// CycloneDX's analysis states, justifications and responses and Ctem's, both ways (documented in docs/cli.md, "VEX
/// mapping"). States map one to one (<c>resolved_with_pedigree</c> reads as fixed). CycloneDX has nine justifications
/// for OpenVEX's five, so the writer also keeps the exact one in the <see cref="JustificationProperty"/> property,
/// which the reader prefers.
/// </summary>
internal static class CycloneDxVexMapping
{
    public const string JustificationProperty = "ctem:vex:justification";

    public const string EvidenceProperty = "ctem:vex:evidence";

    /// <summary>The versions whose BOMs can carry an analysis.</summary>
    public static readonly string[] SupportedVersions = ["1.4", "1.5", "1.6", "1.7"];

    // The first row of each state is the one written.
    private static readonly (VexState State, string Name)[] States =
    [
        (VexState.NotAffected, "not_affected"),
        (VexState.FalsePositive, "false_positive"),
        (VexState.Affected, "exploitable"),
        (VexState.UnderInvestigation, "in_triage"),
        (VexState.Fixed, "resolved"),
        (VexState.Fixed, "resolved_with_pedigree"),
    ];

    // Written: the first row of each justification; read: the first row of each name. The vulnerable component being
    // absent is written as code_not_present (no CycloneDX word is closer) and code_not_present reads as the code being absent.
    private static readonly (VexJustification Justification, string Name)[] Justifications =
    [
        (VexJustification.VulnerableCodeNotPresent, "code_not_present"),
        (VexJustification.ComponentNotPresent, "code_not_present"),
        (VexJustification.VulnerableCodeNotInExecutePath, "code_not_reachable"),
        (VexJustification.VulnerableCodeCannotBeControlledByAdversary, "requires_environment"),
        (VexJustification.VulnerableCodeCannotBeControlledByAdversary, "requires_configuration"),
        (VexJustification.ComponentNotPresent, "requires_dependency"),
        (VexJustification.InlineMitigationsAlreadyExist, "protected_by_mitigating_control"),
        (VexJustification.InlineMitigationsAlreadyExist, "protected_by_compiler"),
        (VexJustification.InlineMitigationsAlreadyExist, "protected_at_runtime"),
        (VexJustification.InlineMitigationsAlreadyExist, "protected_at_perimeter"),
    ];

    // CycloneDX's own responses, and CSAF's remediation categories as the nearest of them.
    private static readonly Dictionary<string, string> Responses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["can_not_fix"] = "can_not_fix",
        ["will_not_fix"] = "will_not_fix",
        ["update"] = "update",
        ["rollback"] = "rollback",
        ["workaround_available"] = "workaround_available",
        ["vendor_fix"] = "update",
        ["workaround"] = "workaround_available",
        ["mitigation"] = "workaround_available",
        ["no_fix_planned"] = "will_not_fix",
        ["none_available"] = "can_not_fix",
    };

    public static string StateNames => string.Join(", ", States.Select(s => s.Name));

    public static VexState? StateOf(string? name) =>
        States.Where(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(s => (VexState?)s.State).FirstOrDefault();

    public static string NameOf(VexState state) => States.First(s => s.State == state).Name;

    public static VexJustification? JustificationOf(string? name) =>
        Justifications.Where(j => string.Equals(j.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(j => (VexJustification?)j.Justification).FirstOrDefault();

    public static string? NameOf(VexJustification justification) =>
        Justifications.Where(j => j.Justification == justification).Select(j => j.Name).FirstOrDefault();

    /// <summary>The CycloneDX response for a response or CSAF remediation category; null for one CycloneDX has no word for.</summary>
    public static string? ResponseOf(string response) => Responses.GetValueOrDefault(response.Trim());
}
