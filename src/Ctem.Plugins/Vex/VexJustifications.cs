using Ctem.Core.Model;

namespace Ctem.Plugins.Vex;

/// <summary>
/// The five justifications as OpenVEX spells them; CSAF's flag labels are the same words, and the CycloneDX writer
/// keeps them in a property, so this one table serves every format.
/// </summary>
internal static class VexJustifications
{
    private static readonly (VexJustification Value, string Name)[] Table =
    [
        (VexJustification.ComponentNotPresent, "component_not_present"),
        (VexJustification.VulnerableCodeNotPresent, "vulnerable_code_not_present"),
        (VexJustification.VulnerableCodeNotInExecutePath, "vulnerable_code_not_in_execute_path"),
        (VexJustification.VulnerableCodeCannotBeControlledByAdversary, "vulnerable_code_cannot_be_controlled_by_adversary"),
        (VexJustification.InlineMitigationsAlreadyExist, "inline_mitigations_already_exist"),
    ];

    public static string Names => string.Join(", ", Table.Select(t => t.Name));

    public static VexJustification? Parse(string? name) =>
        Table.Where(t => string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(t => (VexJustification?)t.Value).FirstOrDefault();

    public static string? NameOf(VexJustification value) =>
        Table.Where(t => t.Value == value).Select(t => t.Name).FirstOrDefault();
}
