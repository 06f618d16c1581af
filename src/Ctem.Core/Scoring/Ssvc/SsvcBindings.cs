namespace Ctem.Core.Scoring.Ssvc;

/// <summary>The enum ↔ data-key bindings for the CISA table's decision points and outcome group.</summary>
internal static class SsvcBindings
{
    public static readonly SsvcValueBinding<SsvcExploitation> Exploitation = new(
        "ssvc", "E", (SsvcExploitation.None, "N"), (SsvcExploitation.PublicPoc, "P"), (SsvcExploitation.Active, "A"));

    public static readonly SsvcValueBinding<SsvcAutomatable> Automatable = new(
        "ssvc", "A", (SsvcAutomatable.No, "N"), (SsvcAutomatable.Yes, "Y"));

    public static readonly SsvcValueBinding<SsvcTechnicalImpact> TechnicalImpact = new(
        "ssvc", "TI", (SsvcTechnicalImpact.Partial, "P"), (SsvcTechnicalImpact.Total, "T"));

    public static readonly SsvcValueBinding<SsvcMissionAndWellbeing> MissionAndWellbeing = new(
        "ssvc", "MWI", (SsvcMissionAndWellbeing.Low, "L"), (SsvcMissionAndWellbeing.Medium, "M"), (SsvcMissionAndWellbeing.High, "H"));

    public static readonly SsvcValueBinding<SsvcOutcome> Outcome = new(
        "cisa", "CISA", (SsvcOutcome.Track, "T"), (SsvcOutcome.TrackStar, "T*"), (SsvcOutcome.Attend, "AT"), (SsvcOutcome.Act, "AC"));
}
