using Ctem.Core.Scoring;
using Ctem.Core.Scoring.Ssvc;
using Xunit;

namespace Ctem.Core.Tests.Scoring.Ssvc;

public sealed class SsvcDerivationsTests
{
    [Theory]
    [InlineData(true, true, SsvcExploitation.Active)]
    [InlineData(true, false, SsvcExploitation.Active)]
    [InlineData(false, true, SsvcExploitation.PublicPoc)]
    [InlineData(false, false, SsvcExploitation.None)]
    public void ExploitationFrom_KevWinsThenPublicExploit(bool inKev, bool hasPublicExploit, SsvcExploitation expected) =>
        Assert.Equal(expected, SsvcDerivations.ExploitationFrom(inKev, hasPublicExploit));

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", SsvcAutomatable.Yes)]
    [InlineData("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N", SsvcAutomatable.Yes)]
    [InlineData("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", SsvcAutomatable.No)]
    [InlineData("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", SsvcAutomatable.No)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", SsvcAutomatable.No)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", SsvcAutomatable.No)]
    [InlineData("CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:N", SsvcAutomatable.No)] // base metrics only
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", SsvcAutomatable.Yes)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", SsvcAutomatable.No)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", SsvcAutomatable.No)]
    public void AutomatableFrom_Vector(string vector, SsvcAutomatable expected) =>
        Assert.Equal(expected, SsvcDerivations.AutomatableFrom(Score(vector)));

    [Theory]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", SsvcTechnicalImpact.Total)]
    [InlineData("CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:H", SsvcTechnicalImpact.Total)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", SsvcTechnicalImpact.Partial)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:H", SsvcTechnicalImpact.Partial)]
    [InlineData("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", SsvcTechnicalImpact.Partial)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", SsvcTechnicalImpact.Total)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:H/SI:H/SA:H", SsvcTechnicalImpact.Partial)] // subsequent system ignored
    public void TechnicalImpactFrom_Vector(string vector, SsvcTechnicalImpact expected) =>
        Assert.Equal(expected, SsvcDerivations.TechnicalImpactFrom(Score(vector)));

    [Fact]
    public void Derivations_CvssV2_AreNotApplied()
    {
        var score = Score("AV:N/AC:L/Au:N/C:C/I:C/A:C");

        Assert.Null(SsvcDerivations.AutomatableFrom(score));
        Assert.Null(SsvcDerivations.TechnicalImpactFrom(score));
    }

    [Fact]
    public void Derivations_FeedDecide_KevAutomatableTotalHighIsAct()
    {
        var score = Score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        var inputs = new SsvcInputs(
            SsvcDerivations.ExploitationFrom(inKev: true, hasPublicExploit: false),
            SsvcDerivations.AutomatableFrom(score)!.Value,
            SsvcDerivations.TechnicalImpactFrom(score)!.Value,
            SsvcMissionAndWellbeing.High);

        Assert.Equal(SsvcOutcome.Act, CisaSsvc.Decide(inputs).Outcome); // row 35
    }

    private static CvssScore Score(string vector)
    {
        var parsed = Cvss.Parse(vector);
        Assert.True(parsed.Success, parsed.Error);
        return parsed.Value;
    }
}
