using Ctem.Core.Model;
using Ctem.Plugins;
using Xunit;

namespace Ctem.Core.Tests.Model;

public sealed class ObservedFindingMergerTests
{
    /// <summary>The same exposure seen twice (two lock files): the merged finding keeps the riskier dependency context.</summary>
    [Theory]
    [InlineData(DependencyRelation.Transitive, DependencyRelation.Direct, DependencyRelation.Direct)]
    [InlineData(DependencyRelation.Direct, DependencyRelation.Transitive, DependencyRelation.Direct)]
    [InlineData(DependencyRelation.Transitive, DependencyRelation.Unspecified, DependencyRelation.Unspecified)]
    [InlineData(DependencyRelation.Transitive, DependencyRelation.Transitive, DependencyRelation.Transitive)]
    public void Merge_TwoRelations_KeepsTheRiskier(DependencyRelation first, DependencyRelation second, DependencyRelation merged) =>
        Assert.Equal(merged, Merge(Observed(first, DependencyScope.Runtime), Observed(second, DependencyScope.Runtime)).Component.Relation);

    [Theory]
    [InlineData(DependencyScope.Development, DependencyScope.Runtime, DependencyScope.Runtime)]
    [InlineData(DependencyScope.Test, DependencyScope.Unspecified, DependencyScope.Unspecified)]
    [InlineData(DependencyScope.Optional, DependencyScope.Test, DependencyScope.Optional)]
    [InlineData(DependencyScope.Test, DependencyScope.Development, DependencyScope.Development)]
    public void Merge_TwoScopes_KeepsOneThatShipsIfAny(DependencyScope first, DependencyScope second, DependencyScope merged) =>
        Assert.Equal(merged, Merge(Observed(DependencyRelation.Direct, first), Observed(DependencyRelation.Direct, second)).Component.Scope);

    /// <summary>One report that states the version is evidence enough: the merged finding's version is inferred only when both infer it.</summary>
    [Theory]
    [InlineData("go.mod", "go.mod", "go.mod")]
    [InlineData("go.mod", null, null)]
    [InlineData(null, "go.mod", null)]
    [InlineData(null, null, null)]
    public void Merge_InferredVersions_InferredOnlyIfBothAre(string? first, string? second, string? merged)
    {
        var observed = Observed(DependencyRelation.Direct, DependencyScope.Runtime);

        var result = Merge(
            observed with { Component = observed.Component with { VersionInferredFrom = first } },
            observed with { Component = observed.Component with { VersionInferredFrom = second } });

        Assert.Equal(merged, result.Component.VersionInferredFrom);
    }

    /// <summary>With the ecosystems' version schemes, fixes spelled two ways are one (see FixedVersionListTests).</summary>
    [Fact]
    public void Merge_WithSchemes_SpellsEachFixOnce()
    {
        var first = Observed(DependencyRelation.Direct, DependencyScope.Runtime) with { FixedVersions = ["v1.5.0", "1.2.0"] };
        var second = first with { FixedVersions = ["1.5.0"] };

        Assert.Equal(["1.2.0", "1.5.0"], Assert.Single(ObservedFindingMerger.Merge([first, second], BuiltInPlugins.VersionSchemes)).FixedVersions);
    }

    [Fact]
    public void Merge_TwoAdvisories_UnitesNamesAndFixes()
    {
        var first = Observed(DependencyRelation.Direct, DependencyScope.Runtime);
        var second = first with { Vulnerability = first.Vulnerability with { Aliases = ["GHSA-2"], AdvisoryIds = ["GHSA-2"], Cvss = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }, FixedVersions = ["1.5.0"] };

        var merged = Merge(first, second);

        Assert.Equal(["GHSA-1", "GHSA-2"], merged.Vulnerability.Aliases);
        Assert.Equal(["1.2.0", "1.5.0"], merged.FixedVersions);
        Assert.Equal(second.Vulnerability.Cvss, merged.Vulnerability.Cvss);
    }

    private static ObservedFinding Merge(ObservedFinding first, ObservedFinding second) => Assert.Single(ObservedFindingMerger.Merge([first, second]));

    private static ObservedFinding Observed(DependencyRelation relation, DependencyScope scope) => new(
        new Component("lodash", "1.0.0", PackageUrl.Parse("pkg:npm/lodash@1.0.0").Value, null, new SourceLocation("package-lock.json", null))
        {
            Relation = relation,
            Scope = scope,
        },
        new VulnerabilityRef("CVE-1", ["GHSA-1"], null, null, ["GHSA-1"]),
        ["1.2.0"]);
}
