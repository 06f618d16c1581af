using Ctem.Core.Text;

namespace Ctem.Core.Scoring.Ssvc;

/// <summary>
/// CISA's SSVC decision (Track, Track*, Attend, Act) from Exploitation, Automatable, Technical Impact and Mission &amp;
/// Well-Being Impact, looked up in CERT/CC's data for the CISA table (<c>cisa:DT_CO:2.0.3</c>, embedded).
/// </summary>
public static partial class CisaSsvc
{
    /// <summary>The decision table's identifier, e.g. <c>cisa:DT_CO:2.0.3</c>.</summary>
    public static string TableId => Table.Id;

    /// <summary>The decision table's name as the data gives it.</summary>
    public static string TableName => Table.Name;

    /// <summary>The input decision points in table order, as the data defines them.</summary>
    public static IReadOnlyList<SsvcDecisionPoint> DecisionPoints =>
        [Table.Exploitation, Table.Automatable, Table.TechnicalImpact, Table.MissionAndWellbeing];

    /// <summary>The outcome group (<c>cisa:CISA:1.1.0</c>) with the data's definition of each outcome.</summary>
    public static SsvcDecisionPoint OutcomeGroup => Table.Outcome;

    private static CisaSsvcTable Table => CisaSsvcTable.Instance;

    /// <summary>Looks the outcome of <paramref name="inputs"/> up in the table.</summary>
    public static SsvcDecision Decide(SsvcInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var e = SsvcBindings.Exploitation.KeyOf(inputs.Exploitation);
        var a = SsvcBindings.Automatable.KeyOf(inputs.Automatable);
        var t = SsvcBindings.TechnicalImpact.KeyOf(inputs.TechnicalImpact);
        var m = SsvcBindings.MissionAndWellbeing.KeyOf(inputs.MissionAndWellbeing);
        var outcome = Table.Lookup(e, a, t, m);

        // The binding is checked against the data on load, so every outcome key maps to a member.
        var outcomeValue = SsvcBindings.Outcome.ValueOf(outcome.Key)!.Value;
        SsvcSelection[] selections =
        [
            SsvcSelection.Of(Table.Exploitation, e),
            SsvcSelection.Of(Table.Automatable, a),
            SsvcSelection.Of(Table.TechnicalImpact, t),
            SsvcSelection.Of(Table.MissionAndWellbeing, m),
        ];
        return new SsvcDecision(outcomeValue, inputs, Table.Id, selections, SsvcSelection.Of(Table.Outcome, outcome.Key));
    }

    /// <summary>Parses the four values (see <see cref="SsvcInputs.Parse"/>) and decides; bad text gives a failed result.</summary>
    public static ParseResult<SsvcDecision> Decide(string? exploitation, string? automatable, string? technicalImpact, string? missionAndWellbeing)
    {
        var inputs = SsvcInputs.Parse(exploitation, automatable, technicalImpact, missionAndWellbeing);
        return inputs.Success ? ParseResult<SsvcDecision>.Ok(Decide(inputs.Value)) : ParseResult<SsvcDecision>.Fail(inputs.Error);
    }

    /// <summary>The data's name of an outcome, e.g. <c>Track*</c> for <see cref="SsvcOutcome.TrackStar"/>.</summary>
    public static string NameOf(SsvcOutcome outcome) => Table.Outcome.ByKey(SsvcBindings.Outcome.KeyOf(outcome))!.Name;
}
