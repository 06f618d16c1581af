using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Scoring.Risk;
using Xunit;

namespace Ctem.Core.Tests.Scoring.Risk;

public sealed partial class RiskModelTests
{
    /// <summary>Cases: where the finding stands in its product's graph → score, and the factor's value (none without a graph's crown jewel).</summary>
    public static TheoryData<int?, double, string?> AttackPathCases => new()
    {
        { null, 98.8, null },
        { 3, 98.8, "on 3 attack path(s)" },
        // 98.8 × 0.75, the default offPath multiplier.
        { 0, 74.1, "on no attack path" },
    };

    [Theory]
    [MemberData(nameof(AttackPathCases))]
    public void Assess_AttackPath_OnAPathKeepsTheScoreOffAllPathsLowersIt(int? paths, double score, string? value)
    {
        var exposure = paths is { } n ? new AttackPathExposure(n, n == 0 ? [] : ["orders-db"]) : null;

        var risk = RiskModel.Assess(
            Inputs(Log4Shell, true, CrownJewel, DependencyRelation.Direct, DependencyScope.Runtime) with { AttackPaths = exposure }, RiskPolicy.Default, Feeds, Now);

        Assert.Equal(score, risk.Score);
        Assert.Equal(risk.Score, risk.Factors.Sum(f => f.Contribution), 0.05 + 1e-9);
        var factor = risk.Factors.SingleOrDefault(f => f.Name == "attackPath");
        Assert.Equal(value, factor?.Value);
        Assert.Equal(
            paths switch
            {
                null => null,
                0 => "the score is multiplied by 0.75: no attack path to a crown jewel goes through it",
                _ => "on 3 attack path(s) to orders-db ('ctem paths'): no reduction",
            },
            factor?.Source);
    }
}
