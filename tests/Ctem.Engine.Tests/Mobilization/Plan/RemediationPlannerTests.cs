using Ctem.Engine.Mobilization.Plan;
using Ctem.Testing;
using Xunit;

namespace Ctem.Engine.Tests.Mobilization.Plan;

/// <summary>
/// The plan of real advisories (PyPA and Go vulndb exports), one row per hand-checked case; each names the rule it
/// checks. Two products: app-a holds every package below, app-b django 3.2.10 and urllib3 1.24.1.
/// </summary>
public sealed class RemediationPlannerTests(PlannedProducts planned) : IClassFixture<PlannedProducts>
{
    public static TheoryData<string, string, string, bool, int, int, string> Cases => new()
    {
        // The issue's case: 20 findings with 20 different fixed versions, and one version that fixes them all.
        { "django", "3.2.9", "3.2.25", false, 20, 0, "lowest version no advisory affects, within the major held" },
        { "pillow", "8.0.0", "10.0.1", true, 26, 0, "no 8.x or 9.x is free of advisories: a major upgrade, marked breaking" },
        { "urllib3", "2.0.2", "2.0.7", false, 2, 0, "a higher major held is planned on its own" },
        { "werkzeug", "1.0.1", "2.3.8", true, 4, 0, "breaking" },
        { "cryptography", "2.9", "41.0.6", true, 2, 0, "39.0.1 fixes both findings, but later advisories affect it: every advisory of the package counts" },
        { "golang.org/x/crypto", "v0.0.0-20211215153901-e495a2d5b3d3", "0.52.0", false, 21, 1, "an advisory without a fixed version remains" },
        { "github.com/docker/docker", "v20.10.12+incompatible", "25.0.13+incompatible", true, 9, 5, "best partial version; Go's +incompatible spelling" },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Plan_RealAdvisories_UpgradesAsHandChecked(string name, string from, string to, bool breaking, int fixes, int remaining, string rule)
    {
        RepoPaths.RequireShared();

        var action = Assert.Single(planned.AppA.Actions, a => a.Name == name);

        Assert.True(
            (action.From.SequenceEqual([from]), action.To, action.Breaking, action.Fixes.Count, action.Remaining.Count) == (true, to, breaking, fixes, remaining),
            $"{name}: {string.Join(", ", action.From)} → {action.To} (breaking {action.Breaking}), {action.Fixes.Count} fixed, {action.Remaining.Count} remaining ({rule})");
    }

    [SkippableFact]
    public void Plan_SameTargetInTwoProducts_IsOneActionWithBothVersions()
    {
        RepoPaths.RequireShared();

        var django = Assert.Single(planned.Plan.Actions, a => a.Name == "django");

        Assert.Equal(("3.2.9, 3.2.10", "3.2.25", "app-a, app-b"), (string.Join(", ", django.From), django.To, string.Join(", ", django.Products)));
        Assert.Equal(django.Fixes.Count, django.Fixes.Select(f => f.Id).Distinct().Count());
        Assert.Equal(Math.Round(django.Fixes.Sum(f => f.Risk!.Score), 1), django.RiskRemoved);
    }

    [SkippableFact]
    public void Plan_DifferentTargets_AreSeparateActions()
    {
        RepoPaths.RequireShared();

        var urllib3 = planned.Plan.Actions.Where(a => a.Name == "urllib3").Select(a => (a.From.Single(), a.To, a.Products.Single())).ToList();

        Assert.Equal([("1.24.1", "1.26.18", "app-b"), ("2.0.2", "2.0.7", "app-a")], urllib3.Order());
    }

    [SkippableFact]
    public void Plan_Actions_AreRankedByRiskRemoved()
    {
        RepoPaths.RequireShared();

        Assert.True(planned.Plan.Actions.Count > 5);
        Assert.Equal(planned.Plan.Actions.OrderByDescending(a => a.RiskRemoved).Select(a => a.RiskRemoved), planned.Plan.Actions.Select(a => a.RiskRemoved));
    }

    [SkippableFact]
    public void Plan_NoFixedVersionAnywhere_IsUnplannedWithTheReason()
    {
        RepoPaths.RequireShared();

        var unplanned = Assert.Single(planned.AppA.Unplanned);

        Assert.Equal(
            ("github.com/dgrijalva/jwt-go", "no advisory names a fixed version above v3.2.0+incompatible"),
            (unplanned.Finding.PackageName, unplanned.Reason));
        Assert.DoesNotContain(planned.AppA.Actions, a => a.Name == unplanned.Finding.PackageName);
    }
}
