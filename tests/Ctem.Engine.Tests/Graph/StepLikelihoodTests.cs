using Ctem.Core.Model;
using Ctem.Engine.Graph;
using Xunit;
using static Ctem.Engine.Tests.Graph.GraphSamples;

namespace Ctem.Engine.Tests.Graph;

/// <summary>Each step's likelihood is its strongest signal, and every signal is explained.</summary>
public sealed class StepLikelihoodTests
{
    private static readonly KevEntry Kev = new("CVE-2026-1", "acme", "lib", "lib flaw", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 22), "Apply updates.", "Known");

    public static TheoryData<string, StoredFinding, Exploitation?, double, string> Cases => new()
    {
        { "the easiest CVSS attack, halved", Network(1), null, 0.5, "CVSS exploitability 1 (AV:N/AC:L/PR:N/UI:N), halved: 0.5" },
        // 0.85·0.44·0.62·0.85 / (0.85·0.77·0.85·0.85) = 0.4168, halved.
        { "a harder CVSS attack", Network(1, "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H"), null, 0.2084, "CVSS exploitability 0.417 (AV:N/AC:H/PR:L/UI:N), halved: 0.208" },
        { "EPSS above the CVSS level", Network(1, "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H"), new Exploitation(null, null, new EpssScore("CVE-2026-1", 0.42, 0.97), null), 0.42, "EPSS 0.42 for CVE-2026-1: the probability of exploitation in the next 30 days" },
        { "KEV beats everything", Network(1), new Exploitation(Kev, "2026.01.01", new EpssScore("CVE-2026-1", 0.42, 0.97), null), 0.95, "CVE-2026-1 is in CISA KEV (known exploited): 0.95" },
        { "validated by a dynamic scanner", Validated(7), null, 0.9, "validated on the running system by nuclei: 0.9" },
        { "CVSS v2 weights", Network(1, "AV:N/AC:M/Au:N/C:P/I:P/A:P"), null, 0.4296, "CVSS exploitability 0.859 (AV:N/AC:M/Au:N), halved: 0.43" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OfFinding_Signals_StrongestWinsAndEachIsExplained(string because, StoredFinding finding, Exploitation? exploitation, double expected, string reason)
    {
        var (likelihood, why) = StepLikelihood.OfFinding(finding, exploitation);

        Assert.True(Math.Abs(expected - likelihood) < 0.0001, $"{because}: {likelihood}");
        Assert.Equal($"the strongest signal counts: {StepLikelihood.Format(likelihood)}", why[0]);
        Assert.Contains(reason, why);
    }

    [Theory]
    [InlineData(GraphSamples.NetworkVector, true)]
    [InlineData(GraphSamples.LocalVector, false)]
    [InlineData("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", true)]
    [InlineData("AV:L/AC:L/Au:N/C:C/I:C/A:C", false)]
    [InlineData(null, false)]
    public void IsNetwork_AttackVector_OnlyNetworkIsAStep(string? vector, bool network)
    {
        Assert.Equal(network, StepLikelihood.IsNetwork(Network(1, vector)));
    }
}
