using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Xunit;

namespace Ctem.Core.Tests.Scoring.Risk;

public sealed partial class RiskModelTests
{
    private const string Log4Shell = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H";
    private const string LocalLow = "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedSnapshot Feeds = new("2026.11.26", Now, Now, HasKev: true, HasEpss: true);
    private static readonly Exploitation Exploited = new(
        new KevEntry("CVE-2021-44228", "Apache", "Log4j2", null, new DateOnly(2021, 12, 10), null, null, "Known"), "2026.11.26",
        new EpssScore("CVE-2021-44228", 0.94, 0.9999), Now);

    private static readonly ProductRiskContext CrownJewel =
        new("shop", true, Criticality.Critical, DataSensitivity.Restricted, true, Exposure.InternetFacingProduction, ["eu"]);

    private static readonly ProductRiskContext InternalLow =
        new("wiki", true, Criticality.Low, DataSensitivity.Internal, false, Exposure.Internal, []);

    /// <summary>Cases: CVSS vector, exploited?, product, relation, scope → score, priority, SSVC decision.</summary>
    public static TheoryData<string?, bool, string, DependencyRelation, DependencyScope, double, Priority, SsvcOutcome> Cases => new()
    {
        // Everything at its maximum but one dependency: 100 less half the dependency weight.
        { Log4Shell, true, "shop", DependencyRelation.Direct, DependencyScope.Runtime, 98.8, Priority.Critical, SsvcOutcome.Act },
        { Log4Shell, true, "shop", DependencyRelation.Transitive, DependencyScope.Runtime, 96.3, Priority.Critical, SsvcOutcome.Act },
        // A development-only dependency is multiplied by 0.5.
        { Log4Shell, true, "shop", DependencyRelation.Direct, DependencyScope.Development, 49.4, Priority.Medium, SsvcOutcome.Act },
        { Log4Shell, true, "wiki", DependencyRelation.Direct, DependencyScope.Runtime, 83.0, Priority.Critical, SsvcOutcome.Attend },
        { Log4Shell, false, "shop", DependencyRelation.Direct, DependencyScope.Runtime, 56.7, Priority.High, SsvcOutcome.Attend },
        { Log4Shell, false, "wiki", DependencyRelation.Direct, DependencyScope.Unspecified, 37.5, Priority.Medium, SsvcOutcome.Track },
        { LocalLow, false, "wiki", DependencyRelation.Transitive, DependencyScope.Runtime, 10.4, Priority.Low, SsvcOutcome.Track },
        { LocalLow, false, "undeclared", DependencyRelation.Unspecified, DependencyScope.Test, 8.3, Priority.Low, SsvcOutcome.Track },
        // No vector and no label: 5.0 assumed; unknown criticality, exposure and relation sit in the middle.
        { null, false, "undeclared", DependencyRelation.Unspecified, DependencyScope.Unspecified, 26.3, Priority.Medium, SsvcOutcome.Track },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_Case_GivesScorePriorityAndDecision(
        string? vector, bool exploited, string product, DependencyRelation relation, DependencyScope scope, double score, Priority priority, SsvcOutcome ssvc)
    {
        var risk = Assess(vector, exploited, Context(product), relation, scope);

        Assert.Equal((score, priority, ssvc), (risk.Score, risk.Priority, risk.Ssvc));
        Assert.Equal(risk.Score, risk.Factors.Sum(f => f.Contribution), 0.05 + 1e-9);
        Assert.Equal(["cvss", "epss", "kev", "ssvc", "criticality", "exposure", "dependency", "scope", "confidence"], risk.Factors.Select(f => f.Name));
        Assert.Equal((1.0, 0.0), (risk.Factors[^1].Level, risk.Factors[^1].Contribution));
    }

    /// <summary>Cases: scope, inferred version?, the policy's inferredVersion → score and the confidence factor's value and points.</summary>
    public static TheoryData<DependencyScope, bool, double, double, string, double> InferredCases => new()
    {
        // The crown jewel's Log4Shell, stated: 98.8 (above); inferred, × 0.75 by default.
        { DependencyScope.Runtime, false, 0.75, 98.8, "stated version", 0 },
        { DependencyScope.Runtime, true, 0.75, 74.1, "inferred version", -24.7 },
        // Both multipliers: × 0.5 for development only, then × 0.75; confidence takes its share of what scope left.
        { DependencyScope.Development, true, 0.75, 37.1, "inferred version", -12.35 },
        { DependencyScope.Runtime, true, 1.0, 98.8, "inferred version", 0 },
        { DependencyScope.Runtime, true, 0, 0, "inferred version", -98.8 },
    };

    [Theory]
    [MemberData(nameof(InferredCases))]
    public void Assess_InferredVersion_MultipliesByTheConfidenceFactor(
        DependencyScope scope, bool inferred, double multiplier, double score, string value, double points)
    {
        const string From = "'go 1.21' in go.mod (line 3): the minimum Go version";
        var inputs = Inputs(Log4Shell, true, CrownJewel, DependencyRelation.Direct, scope) with { VersionInferredFrom = inferred ? From : null };
        var policy = RiskPolicy.Default with { Weights = RiskWeights.Default with { InferredVersion = multiplier } };

        var risk = RiskModel.Assess(inputs, policy, Feeds, Now);

        var confidence = risk.Factors[^1];
        Assert.Equal((score, "confidence", value, multiplier), (risk.Score, confidence.Name, confidence.Value, inferred ? confidence.Level : multiplier));
        Assert.Equal(points, confidence.Contribution, 0.01);
        Assert.Equal(risk.Score, risk.Factors.Sum(f => f.Contribution), 0.05 + 1e-9);
        Assert.Equal(inferred, confidence.Source.Contains(From, StringComparison.Ordinal));
    }

    /// <summary>Cases: scope, suspect reason → score (the unsuspected score halved, after the scope factor).</summary>
    public static TheoryData<DependencyScope, string?, double> SuspectCases => new()
    {
        { DependencyScope.Runtime, null, 98.8 },
        { DependencyScope.Runtime, "the advisory is for crates.io (RUSTSEC-2021-0049), the component is npm", 49.4 },
        { DependencyScope.Development, null, 49.4 },
        { DependencyScope.Development, "the advisory is for crates.io (RUSTSEC-2021-0049), the component is npm", 24.7 },
    };

    [Theory]
    [MemberData(nameof(SuspectCases))]
    public void Assess_Suspect_MultipliesByHalfAndSaysWhy(DependencyScope scope, string? suspect, double score)
    {
        var risk = RiskModel.Assess(
            Inputs(Log4Shell, true, CrownJewel, DependencyRelation.Direct, scope) with { Suspect = suspect }, RiskPolicy.Default, Feeds, Now);

        Assert.Equal(score, risk.Score);
        Assert.Equal(risk.Score, risk.Factors.Sum(f => f.Contribution), 0.05 + 1e-9);
        var factor = risk.Factors.SingleOrDefault(f => f.Name == "suspect");
        Assert.Equal(suspect, factor?.Value);
        if (factor is not null)
        {
            Assert.Equal((RiskModel.SuspectMultiplier, 0.0), (factor.Level, factor.Weight));
            Assert.StartsWith("the score is multiplied by 0.5", factor.Source, StringComparison.Ordinal);
            Assert.Equal("suspect", risk.Factors[^1].Name);
        }
    }

    [Theory]
    [InlineData("CRITICAL", 0.95)]
    [InlineData("HIGH", 0.8)]
    [InlineData("MODERATE", 0.55)]
    [InlineData("medium", 0.55)]
    [InlineData("LOW", 0.25)]
    [InlineData("None", 0.05)]
    [InlineData("info", 0.05)]
    [InlineData("whatever", 0.5)]
    public void Assess_NoVector_UsesTheAdvisorySeverityLabel(string label, double level)
    {
        var vulnerability = new VulnerabilityRef("GHSA-x", [], null, label, ["GHSA-x"]);
        var risk = RiskModel.Assess(new RiskInputs(vulnerability, null, DependencyRelation.Direct, DependencyScope.Runtime, InternalLow), RiskPolicy.Default, Feeds, Now);

        Assert.Equal(level, risk.Factors[0].Level);
    }

    [Theory]
    [InlineData("MODERATE", "medium (no vector)")]
    [InlineData("Critical", "critical (no vector)")]
    [InlineData("Unknown", "unknown")]
    public void Assess_NoVector_NamesTheLabelAsCtemSpellsSeverities(string label, string value)
    {
        var vulnerability = new VulnerabilityRef("GHSA-x", [], null, label, ["GHSA-x"]);
        var risk = RiskModel.Assess(new RiskInputs(vulnerability, null, DependencyRelation.Direct, DependencyScope.Runtime, InternalLow), RiskPolicy.Default, Feeds, Now);

        Assert.Equal(value, risk.Factors[0].Value);
    }

    [Fact]
    public void Assess_CustomWeightsAndThresholds_AreApplied()
    {
        var policy = new RiskPolicy(
            new RiskWeights(Cvss: 1, Epss: 0, Kev: 0, Ssvc: 0, Criticality: 0, Exposure: 0, Dependency: 0) { NonRuntimeScope = 0 },
            new PriorityThresholds(Critical: 99, High: 98, Medium: 9),
            new RemediationSla(Critical: 1, High: 2, Medium: 3, Low: 4));

        var runtime = RiskModel.Assess(Inputs(LocalLow, false, InternalLow, DependencyRelation.Direct, DependencyScope.Runtime), policy, Feeds, Now);
        var test = RiskModel.Assess(Inputs(LocalLow, false, InternalLow, DependencyRelation.Direct, DependencyScope.Test), policy, Feeds, Now);

        Assert.Equal((18.0, Priority.Medium, 3), (runtime.Score, runtime.Priority, runtime.SlaDays));
        Assert.Equal((0.0, Priority.Low, 4), (test.Score, test.Priority, test.SlaDays));
        Assert.Equal(Now.AddDays(3), runtime.DueFrom(Now));
    }

    [Fact]
    public void Assess_Sources_NameTheFeedsAndTheirDates()
    {
        var risk = Assess(Log4Shell, true, CrownJewel, DependencyRelation.Direct, DependencyScope.Runtime);

        Assert.Equal(
            [
                "CVSS 3.1 vector CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H (advisories GHSA-jfh8-c2jp-5v3q)",
                "FIRST EPSS scores of 2026-11-27",
                "CISA KEV catalog 2026.11.26",
            ],
            risk.Factors.Take(3).Select(f => f.Source));
        Assert.Equal(["10.0 critical", "0.94 (percentile 100)", "listed since 2021-12-10, used in ransomware campaigns"], risk.Factors.Take(3).Select(f => f.Value));
    }

    [Theory]
    [InlineData(70, Priority.Critical)]
    [InlineData(69.9, Priority.High)]
    [InlineData(50, Priority.High)]
    [InlineData(25, Priority.Medium)]
    [InlineData(24.9, Priority.Low)]
    [InlineData(0, Priority.Low)]
    public void PriorityOf_DefaultThresholds_StartAtTheirScore(double score, Priority priority) =>
        Assert.Equal(priority, RiskModel.PriorityOf(score, PriorityThresholds.Default));

    private static ProductRiskContext Context(string product) => product switch
    {
        "shop" => CrownJewel,
        "wiki" => InternalLow,
        _ => ProductRiskContext.Undeclared(product),
    };

    private static RiskAssessment Assess(string? vector, bool exploited, ProductRiskContext product, DependencyRelation relation, DependencyScope scope) =>
        RiskModel.Assess(Inputs(vector, exploited, product, relation, scope), RiskPolicy.Default, Feeds, Now);

    private static RiskInputs Inputs(string? vector, bool exploited, ProductRiskContext product, DependencyRelation relation, DependencyScope scope) =>
        new(new VulnerabilityRef("CVE-2021-44228", ["GHSA-jfh8-c2jp-5v3q"], null, null, ["GHSA-jfh8-c2jp-5v3q"]) { Cvss = vector },
            exploited ? Exploited : null, relation, scope, product);
}
