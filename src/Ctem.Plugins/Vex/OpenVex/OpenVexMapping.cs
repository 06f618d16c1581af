using Ctem.Core.Model;

namespace Ctem.Plugins.Vex.OpenVex;

/// <summary>
/// OpenVEX 0.2.0's statuses and Ctem's states, both ways (documented in docs/cli.md, "VEX mapping"): the four statuses
/// are Ctem's own; <c>false_positive</c> is <c>not_affected</c> with an impact statement that starts "False positive"
/// (<see cref="VexWording"/>). Justifications are OpenVEX's own (<see cref="VexJustifications"/>).
/// </summary>
internal static class OpenVexMapping
{
    public const string Context = "https://openvex.dev/ns/v0.2.0";

    /// <summary>The unversioned context, which OpenVEX defines as the current version.</summary>
    public const string LatestContext = "https://openvex.dev/ns";

    private static readonly (VexState State, string Status)[] Statuses =
    [
        (VexState.NotAffected, "not_affected"),
        (VexState.Affected, "affected"),
        (VexState.Fixed, "fixed"),
        (VexState.UnderInvestigation, "under_investigation"),
    ];

    public static string StatusNames => string.Join(", ", Statuses.Select(s => s.Status));

    public static VexState? StateOf(string? status) =>
        Statuses.Where(s => string.Equals(s.Status, status?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(s => (VexState?)s.State).FirstOrDefault();

    public static string StatusOf(VexState state) =>
        state == VexState.FalsePositive ? "not_affected" : Statuses.Single(s => s.State == state).Status;
}
