using Ctem.Core.Text;

namespace Ctem.Core.Scoring.Ssvc;

/// <summary>The four decision points of the CISA SSVC table, in the table's column order.</summary>
public sealed record SsvcInputs(
    SsvcExploitation Exploitation,
    SsvcAutomatable Automatable,
    SsvcTechnicalImpact TechnicalImpact,
    SsvcMissionAndWellbeing MissionAndWellbeing)
{
    /// <summary>
    /// Parses the four values from text (data keys such as <c>P</c>, data names such as <c>public poc</c>, or the enum
    /// names, ignoring case). A failed result names every bad value and lists what each point accepts.
    /// </summary>
    public static ParseResult<SsvcInputs> Parse(string? exploitation, string? automatable, string? technicalImpact, string? missionAndWellbeing)
    {
        var errors = new List<string>();
        var e = Collect(CisaSsvc.TryParseExploitation(exploitation, out var exploitationValue, out var error), error, errors);
        var a = Collect(CisaSsvc.TryParseAutomatable(automatable, out var automatableValue, out error), error, errors);
        var t = Collect(CisaSsvc.TryParseTechnicalImpact(technicalImpact, out var technicalImpactValue, out error), error, errors);
        var m = Collect(CisaSsvc.TryParseMissionAndWellbeing(missionAndWellbeing, out var missionValue, out error), error, errors);
        return e && a && t && m
            ? ParseResult<SsvcInputs>.Ok(new SsvcInputs(exploitationValue, automatableValue, technicalImpactValue, missionValue))
            : ParseResult<SsvcInputs>.Fail(string.Join("; ", errors));
    }

    private static bool Collect(bool parsed, string? error, List<string> errors)
    {
        if (!parsed)
        {
            errors.Add(error!);
        }

        return parsed;
    }
}
