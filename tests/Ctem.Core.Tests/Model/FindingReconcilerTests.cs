using Ctem.Core.Model;
using Xunit;

namespace Ctem.Core.Tests.Model;

/// <summary>Which stored finding each observation continues, without a database.</summary>
public sealed class FindingReconcilerTests
{
    private const string Lodash = "pkg:npm/lodash@1.0.0";
    private const string Express = "pkg:npm/express@4.0.0";

    /// <summary>Known findings ("purl id alias… [resolved]", ids from 1), observations ("purl id alias…"), and the plan: "kind id key" per observation, in plan order.</summary>
    public static TheoryData<string, string[], string[], string[]> Cases => new()
    {
        { "a new exposure", [], [$"{Lodash} CVE-1 GHSA-1"], ["Insert - -"] },
        { "the same, still open", [$"{Lodash} CVE-1 GHSA-1"], [$"{Lodash} CVE-1 GHSA-1"], [$"Continue 1 {Lodash}|CVE-1"] },
        { "the same, back after being resolved", [$"{Lodash} CVE-1 GHSA-1 resolved"], [$"{Lodash} CVE-1"], [$"Reopen 1 {Lodash}|CVE-1"] },
        { "a CVE alias arrived: renamed to it", [$"{Lodash} GHSA-1"], [$"{Lodash} CVE-1 GHSA-1"], [$"Continue 1 {Lodash}|CVE-1"] },
        { "a tool that knows only the GHSA does not rename it", [$"{Lodash} CVE-1 GHSA-1"], [$"{Lodash} GHSA-1"], [$"Continue 1 {Lodash}|CVE-1"] },
        { "sharing only an alias is another vulnerability", [$"{Lodash} CVE-1 DSA-9"], [$"{Lodash} CVE-2 DSA-9"], ["Insert - -"] },
        { "the same vulnerability on another component", [$"{Lodash} CVE-1"], [$"{Express} CVE-1"], ["Insert - -"] },
        {
            "two observations never continue one finding; the exact key wins whatever the order",
            [$"{Lodash} CVE-1 GHSA-1"], [$"{Lodash} GHSA-1", $"{Lodash} CVE-1"], [$"Continue 1 {Lodash}|CVE-1", "Insert - -"]
        },
        {
            "a rename onto another stored finding's key is not made",
            [$"{Lodash} GHSA-1", $"{Lodash} CVE-1"], [$"{Lodash} GHSA-1 CVE-1"], [$"Continue 1 -"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_ContinuesTheSameExposureOnly(string why, string[] known, string[] observed, string[] expected)
    {
        var plan = FindingReconciler.Plan(known.Select(Known).ToList(), observed.Select(Observed).ToList());

        Assert.True(expected.SequenceEqual(plan.Select(Describe)), $"{why}: {string.Join("; ", plan.Select(Describe))}");
    }

    [Fact]
    public void Plan_Rename_KeepsEveryName()
    {
        var plan = FindingReconciler.Plan([Known($"{Lodash} GHSA-1 PYSEC-7", 0)], [Observed($"{Lodash} CVE-1 GHSA-1")]);

        Assert.Equal(new[] { "GHSA-1", "PYSEC-7" }, plan[0].Names!.Aliases);
        Assert.Equal("CVE-1", plan[0].Names!.VulnerabilityId);
    }

    private static string Describe(ReconcileStep step) =>
        $"{step.Kind} {step.FindingId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} {step.Names?.Key ?? "-"}";

    private static KnownFinding Known(string text, int index)
    {
        var parts = text.Split(' ');
        var resolved = parts[^1] == "resolved";
        var names = parts.Skip(1).Take(parts.Length - 1 - (resolved ? 1 : 0)).ToList();
        return new KnownFinding(index + 1, FindingKey.Of(parts[0], names[0]), parts[0], names[0], names.Skip(1).ToList(), resolved);
    }

    private static ObservedFinding Observed(string text)
    {
        var parts = text.Split(' ');
        var purl = PackageUrl.Parse(parts[0]).Value!;
        return new ObservedFinding(
            new Component(purl.Name, purl.Version, purl, null, new SourceLocation("package-lock.json", null)),
            new VulnerabilityRef(parts[1], parts.Skip(2).ToList(), null, null, []),
            []);
    }
}
