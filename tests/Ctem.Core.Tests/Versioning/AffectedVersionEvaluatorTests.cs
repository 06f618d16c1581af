using Ctem.Core.Model;
using Ctem.Core.Versioning;
using Ctem.Plugins.VersionSchemes.SemVer;
using Xunit;

namespace Ctem.Core.Tests.Versioning;

public sealed class AffectedVersionEvaluatorTests
{
    // Events are written "kind:version" with kinds i (introduced), f (fixed), l (last_affected), x (limit).
    public static TheoryData<string, string, AffectedVerdict> SemverCases => new()
    {
        { "i:0 f:1.2.3", "1.2.2", AffectedVerdict.Affected },
        { "i:0 f:1.2.3", "1.2.3", AffectedVerdict.NotAffected },
        { "i:0 f:1.2.3", "0.0.1", AffectedVerdict.Affected },
        { "i:1.0.0 f:1.2.3", "0.9.9", AffectedVerdict.NotAffected },
        { "i:1.0.0 f:1.2.3", "1.0.0", AffectedVerdict.Affected },
        { "i:1.0.0 f:1.2.3", "1.0.0-rc.1", AffectedVerdict.NotAffected },
        { "i:1.0.0 l:1.2.3", "1.2.3", AffectedVerdict.Affected },
        { "i:1.0.0 l:1.2.3", "1.2.4", AffectedVerdict.NotAffected },
        { "i:1.0.0 f:1.1.0 i:2.0.0 f:2.1.0", "1.5.0", AffectedVerdict.NotAffected },
        { "i:1.0.0 f:1.1.0 i:2.0.0 f:2.1.0", "2.0.5", AffectedVerdict.Affected },
        { "i:1.0.0 f:1.1.0 i:2.0.0 f:2.1.0", "2.1.0", AffectedVerdict.NotAffected },
        { "f:2.1.0 i:2.0.0 f:1.1.0 i:1.0.0", "1.0.1", AffectedVerdict.Affected },
        { "i:0", "99.0.0", AffectedVerdict.Affected },
        { "i:1.0.0 x:1.5.0", "1.4.0", AffectedVerdict.Affected },
        { "i:1.0.0 x:1.5.0", "1.5.0", AffectedVerdict.NotAffected },
        { "i:1.0.0 x:*", "7.0.0", AffectedVerdict.Affected },
        { "i:v0.0.0-20200101000000-abcdefabcdef f:v0.3.0", "v0.1.0", AffectedVerdict.Affected },
        { "i:0 f:not-a-version", "1.0.0", AffectedVerdict.Undetermined },
    };

    [Theory]
    [MemberData(nameof(SemverCases))]
    public void Check_SemverRange_FollowsOsvSemantics(string events, string version, AffectedVerdict expected)
    {
        var affected = Package(new AffectedRange(RangeType.Semver, null, Events(events)));
        Assert.Equal(expected, AffectedVersionEvaluator.Check(affected, version, SemVerScheme.Instance).Verdict);
    }

    [Fact]
    public void Check_VersionInExplicitList_IsAffectedWithoutRanges()
    {
        var affected = Package() with { Versions = ["1.0.0", "1.0.1"] };
        Assert.Equal(AffectedVerdict.Affected, AffectedVersionEvaluator.Check(affected, "1.0.1", SemVerScheme.Instance).Verdict);
        Assert.Equal(AffectedVerdict.NotAffected, AffectedVersionEvaluator.Check(affected, "1.0.2", SemVerScheme.Instance).Verdict);
    }

    [Fact]
    public void Check_ListedVersionWithGoPrefix_MatchesBySchemeEquality()
    {
        var affected = Package() with { Versions = ["v1.4.0"] };
        Assert.Equal(AffectedVerdict.Affected, AffectedVersionEvaluator.Check(affected, "1.4.0", SemVerScheme.Instance).Verdict);
    }

    [Fact]
    public void Check_GitRangeOnly_NeverMatchesByVersion()
    {
        var affected = Package(new AffectedRange(RangeType.Git, "https://example.org/repo", Events("i:0 f:abc123")));
        Assert.Equal(AffectedVerdict.NotAffected, AffectedVersionEvaluator.Check(affected, "1.0.0", SemVerScheme.Instance).Verdict);
    }

    [Fact]
    public void Check_NoScheme_IsUndeterminedNotGuessed()
    {
        var affected = Package(new AffectedRange(RangeType.Ecosystem, null, Events("i:0 f:2.0")));
        var check = AffectedVersionEvaluator.Check(affected, "1.0", scheme: null);
        Assert.Equal(AffectedVerdict.Undetermined, check.Verdict);
        Assert.Contains("no version scheme", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoSchemeButListed_IsAffected()
    {
        var affected = Package(new AffectedRange(RangeType.Ecosystem, null, Events("i:0 f:2.0"))) with { Versions = ["1.0"] };
        Assert.Equal(AffectedVerdict.Affected, AffectedVersionEvaluator.Check(affected, "1.0", scheme: null).Verdict);
    }

    [Fact]
    public void Check_UnparsableComponentVersion_IsUndetermined()
    {
        var affected = Package(new AffectedRange(RangeType.Semver, null, Events("i:0 f:2.0.0")));
        Assert.Equal(AffectedVerdict.Undetermined, AffectedVersionEvaluator.Check(affected, "latest", SemVerScheme.Instance).Verdict);
    }

    [Fact]
    public void Check_SecondRangeMatches_IsAffected()
    {
        var affected = Package(
            new AffectedRange(RangeType.Semver, null, Events("i:0 f:1.0.0")),
            new AffectedRange(RangeType.Semver, null, Events("i:3.0.0 f:3.0.2")));
        Assert.Equal(AffectedVerdict.Affected, AffectedVersionEvaluator.Check(affected, "3.0.1", SemVerScheme.Instance).Verdict);
    }

    private static AffectedPackage Package(params AffectedRange[] ranges) => new("npm", "left-pad", null, ranges, []);

    private static List<RangeEvent> Events(string text) =>
        text.Split(' ').Select(token => new RangeEvent(
            token[0] switch
            {
                'i' => RangeEventKind.Introduced,
                'f' => RangeEventKind.Fixed,
                'l' => RangeEventKind.LastAffected,
                _ => RangeEventKind.Limit,
            },
            token[2..])).ToList();
}
