using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Xunit;

namespace Ctem.Core.Tests.Scoring.Risk;

public sealed class FindingSsvcTests
{
    [Theory]
    [InlineData(Criticality.Critical, DataSensitivity.Public, false, SsvcMissionAndWellbeing.High)]
    [InlineData(Criticality.Low, DataSensitivity.Public, true, SsvcMissionAndWellbeing.High)]
    [InlineData(Criticality.High, DataSensitivity.Public, false, SsvcMissionAndWellbeing.Medium)]
    [InlineData(Criticality.Medium, DataSensitivity.Internal, false, SsvcMissionAndWellbeing.Medium)]
    [InlineData(Criticality.Low, DataSensitivity.Restricted, false, SsvcMissionAndWellbeing.Medium)]
    [InlineData(Criticality.Low, DataSensitivity.Confidential, false, SsvcMissionAndWellbeing.Medium)]
    [InlineData(Criticality.Low, DataSensitivity.Internal, false, SsvcMissionAndWellbeing.Low)]
    [InlineData(Criticality.Unspecified, DataSensitivity.Unspecified, false, SsvcMissionAndWellbeing.Medium)]
    public void MissionAndWellbeing_FromScope(Criticality criticality, DataSensitivity data, bool crownJewel, SsvcMissionAndWellbeing expected)
    {
        var product = new ProductRiskContext("p", true, criticality, data, crownJewel, Exposure.Unknown, []);

        Assert.Equal(expected, FindingSsvc.MissionAndWellbeing(product).Value);
    }

    [Fact]
    public void Decide_ExploitReference_IsPublicPocAndSaysWhich()
    {
        var vulnerability = new Core.Model.VulnerabilityRef("CVE-1", [], null, null, []) { ExploitReferences = ["https://www.exploit-db.com/exploits/1"] };

        var (decision, reasons) = FindingSsvc.Decide(vulnerability, null, ProductRiskContext.Undeclared("p"));

        Assert.Equal(SsvcExploitation.PublicPoc, decision.Inputs.Exploitation);
        Assert.Contains("public exploit reference https://www.exploit-db.com/exploits/1", reasons, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, 0.0, SsvcExploitation.Active)]
    [InlineData(false, 0.1, SsvcExploitation.PublicPoc)]
    [InlineData(false, 0.0999, SsvcExploitation.None)]
    public void Decide_Exploitation_FromKevAndEpss(bool inKev, double epss, SsvcExploitation expected)
    {
        var exploitation = new Core.Model.Exploitation(
            inKev ? new Core.Model.KevEntry("CVE-1", null, null, null, new DateOnly(2024, 1, 1), null, null, null) : null, null,
            new Core.Model.EpssScore("CVE-1", epss, 0.5), null);
        var vulnerability = new Core.Model.VulnerabilityRef("CVE-1", [], null, null, []);

        var (decision, _) = FindingSsvc.Decide(vulnerability, exploitation, ProductRiskContext.Undeclared("p"));

        Assert.Equal(expected, decision.Inputs.Exploitation);
    }

    // Issue 11: CISA's decision points stand where given; only what CISA left open is derived, and the reasons say which.
    [Theory]
    [InlineData("public-poc", "yes", "total", false, SsvcExploitation.PublicPoc, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total)]
    [InlineData("none", null, "partial", false, SsvcExploitation.None, SsvcAutomatable.No, SsvcTechnicalImpact.Partial)]
    [InlineData(null, "yes", null, false, SsvcExploitation.None, SsvcAutomatable.Yes, SsvcTechnicalImpact.Total)]
    [InlineData("none", "no", "partial", true, SsvcExploitation.Active, SsvcAutomatable.No, SsvcTechnicalImpact.Partial)]
    public void Decide_CisaDecisionPoints_UsedWhereGiven(
        string? exploitation, string? automatable, string? impact, bool inKev, SsvcExploitation e, SsvcAutomatable a, SsvcTechnicalImpact t)
    {
        var cisa = new Core.Model.SsvcPoints(exploitation, automatable, impact, "cve:adp:CISA-ADP", new DateTimeOffset(2024, 9, 23, 0, 0, 0, TimeSpan.Zero));
        // The vector says: network, no interaction (automatable yes? no: AC:H), total impact (C:H/I:H/A:H).
        var vulnerability = new Core.Model.VulnerabilityRef("CVE-1", [], null, null, [])
        {
            Cvss = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
            Ssvc = cisa,
        };
        var kev = inKev ? new Core.Model.Exploitation(new Core.Model.KevEntry("CVE-1", null, null, null, new DateOnly(2025, 1, 1), null, null, null), null, null, null) : null;

        var (decision, reasons) = FindingSsvc.Decide(vulnerability, kev, ProductRiskContext.Undeclared("p"));

        Assert.Equal((e, a, t), (decision.Inputs.Exploitation, decision.Inputs.Automatable, decision.Inputs.TechnicalImpact));
        var decided = reasons.Split("; ").Count(r => r.Contains("decided by cve:adp:CISA-ADP on 2024-09-23", StringComparison.Ordinal));
        Assert.Equal(new[] { exploitation is not null && !inKev, automatable is not null, impact is not null }.Count(x => x), decided);
    }
}
