using Ctem.Core.Scoring.Ssvc;
using Xunit;

namespace Ctem.Core.Tests.Scoring.Ssvc;

/// <summary>Hand-picked rows copied from cisa_coordinator_2_0_3.csv (row number in the comment), plus API shape.</summary>
public sealed class CisaSsvcTests
{
    public static TheoryData<SsvcExploitation, SsvcAutomatable, SsvcTechnicalImpact, SsvcMissionAndWellbeing, SsvcOutcome> Rows => new()
    {
        { SsvcExploitation.None, SsvcAutomatable.No, SsvcTechnicalImpact.Partial, SsvcMissionAndWellbeing.Low, SsvcOutcome.Track }, // 0
        { SsvcExploitation.None, SsvcAutomatable.No, SsvcTechnicalImpact.Total, SsvcMissionAndWellbeing.High, SsvcOutcome.TrackStar }, // 5
        { SsvcExploitation.None, SsvcAutomatable.Yes, SsvcTechnicalImpact.Partial, SsvcMissionAndWellbeing.High, SsvcOutcome.Attend }, // 8
        { SsvcExploitation.PublicPoc, SsvcAutomatable.No, SsvcTechnicalImpact.Partial, SsvcMissionAndWellbeing.High, SsvcOutcome.TrackStar }, // 14
        { SsvcExploitation.PublicPoc, SsvcAutomatable.No, SsvcTechnicalImpact.Total, SsvcMissionAndWellbeing.Medium, SsvcOutcome.TrackStar }, // 16
        { SsvcExploitation.PublicPoc, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total, SsvcMissionAndWellbeing.Low, SsvcOutcome.Track }, // 21
        { SsvcExploitation.PublicPoc, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total, SsvcMissionAndWellbeing.High, SsvcOutcome.Attend }, // 23
        { SsvcExploitation.Active, SsvcAutomatable.No, SsvcTechnicalImpact.Partial, SsvcMissionAndWellbeing.Medium, SsvcOutcome.Track }, // 25
        { SsvcExploitation.Active, SsvcAutomatable.No, SsvcTechnicalImpact.Total, SsvcMissionAndWellbeing.High, SsvcOutcome.Act }, // 29
        { SsvcExploitation.Active, SsvcAutomatable.Yes, SsvcTechnicalImpact.Partial, SsvcMissionAndWellbeing.Low, SsvcOutcome.Attend }, // 30
        { SsvcExploitation.Active, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total, SsvcMissionAndWellbeing.Medium, SsvcOutcome.Act }, // 34
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decide_HandPickedRow_GivesTheTablesOutcome(
        SsvcExploitation exploitation, SsvcAutomatable automatable, SsvcTechnicalImpact technicalImpact, SsvcMissionAndWellbeing mission, SsvcOutcome expected)
    {
        var inputs = new SsvcInputs(exploitation, automatable, technicalImpact, mission);

        var decision = CisaSsvc.Decide(inputs);

        Assert.Equal(expected, decision.Outcome);
        Assert.Same(inputs, decision.Inputs);
    }

    [Theory]
    [InlineData("public poc", "no", "total", "medium", "Track*")] // row 16, CSV spelling
    [InlineData("P", "N", "T", "M", "Track*")] // row 16, JSON keys
    [InlineData("Active", "Yes", "Partial", "High", "Act")] // row 32, JSON names
    [InlineData(" ACTIVE ", "y", "partial", "h", "Act")] // row 32, case and space ignored
    [InlineData("PublicPoc", "Yes", "Partial", "High", "Attend")] // row 20, enum name
    [InlineData("public_poc", "no", "partial", "low", "Track")] // row 12
    public void Decide_FromText_AcceptsKeysNamesAndEnumNames(string e, string a, string t, string m, string expected)
    {
        var decision = CisaSsvc.Decide(e, a, t, m);

        Assert.True(decision.Success, decision.Error);
        Assert.Equal(expected, decision.Value.OutcomeName);
    }

    [Fact]
    public void Decide_EveryCombination_HasADecision()
    {
        var outcomes =
            from e in Enum.GetValues<SsvcExploitation>()
            from a in Enum.GetValues<SsvcAutomatable>()
            from t in Enum.GetValues<SsvcTechnicalImpact>()
            from m in Enum.GetValues<SsvcMissionAndWellbeing>()
            select CisaSsvc.Decide(new SsvcInputs(e, a, t, m)).Outcome;

        var counts = outcomes.GroupBy(outcome => outcome).ToDictionary(group => group.Key, group => group.Count());

        // Counted from the CSV: 18 track, 4 track*, 10 attend, 4 act.
        Assert.Equal(18, counts[SsvcOutcome.Track]);
        Assert.Equal(4, counts[SsvcOutcome.TrackStar]);
        Assert.Equal(10, counts[SsvcOutcome.Attend]);
        Assert.Equal(4, counts[SsvcOutcome.Act]);
    }

    [Fact]
    public void Decide_ExplainsWithTheDatasWording()
    {
        var decision = CisaSsvc.Decide(
            new SsvcInputs(SsvcExploitation.PublicPoc, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total, SsvcMissionAndWellbeing.Medium));

        Assert.Equal("cisa:DT_CO:2.0.3", decision.TableId);
        Assert.Equal(["ssvc:E:1.1.0", "ssvc:A:2.0.0", "ssvc:TI:1.0.0", "ssvc:MWI:1.0.0"], decision.Selections.Select(s => s.DecisionPointId));
        Assert.Equal(new SsvcSelection("cisa:CISA:1.1.0", "CISA Levels", "T*", "Track*"), decision.OutcomeSelection);
        Assert.Equal(
            "Exploitation: Public PoC, Automatable: Yes, Technical Impact: Total, Mission and Well-Being Impact: Medium -> Track* (cisa:DT_CO:2.0.3)",
            decision.Explanation);
    }

    [Fact]
    public void Metadata_ComesFromTheEmbeddedTable()
    {
        Assert.Equal("CISA Coordinator", CisaSsvc.TableName);
        Assert.Equal(["Track", "Track*", "Attend", "Act"], CisaSsvc.OutcomeGroup.Values.Select(value => value.Name));
        Assert.Equal("Track*", CisaSsvc.NameOf(SsvcOutcome.TrackStar));
        Assert.Equal(4, CisaSsvc.DecisionPoints.Count);
    }
}
