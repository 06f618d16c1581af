using Ctem.Core.Model;
using Ctem.Core.Versioning;
using Ctem.Plugins.VersionSchemes.Pep440;
using Xunit;

namespace Ctem.Core.Tests.Versioning;

public sealed class ListedVersionReducerTests
{
    // Any other text is a (legacy) PyPI version; blank text is the one thing that is not.
    private const string NotAVersion = "  ";

    private static readonly AffectedRange Below2 = new(RangeType.Ecosystem, null, [new(RangeEventKind.Introduced, "0"), new(RangeEventKind.Fixed, "2.0")]);

    [Fact]
    public void Reduce_VersionsInsideRange_AreDroppedOthersKept()
    {
        var affected = Package([Below2], "0.9", "1.0", "1.5rc1", "2.1", NotAVersion);
        var reduced = ListedVersionReducer.Reduce(affected, Pep440Scheme.Instance);
        Assert.Equal(["2.1", NotAVersion], reduced.Versions);
    }

    [Fact]
    public void Reduce_GitOnlyRanges_KeepsWholeList()
    {
        var affected = Package([new(RangeType.Git, "https://example.org/repo", [new(RangeEventKind.Introduced, "0"), new(RangeEventKind.Fixed, "abc")])], "1.0", "1.1");
        Assert.Same(affected, ListedVersionReducer.Reduce(affected, Pep440Scheme.Instance));
    }

    [Fact]
    public void Reduce_UnreadableRange_KeepsWholeList()
    {
        var affected = Package([new(RangeType.Ecosystem, null, [new(RangeEventKind.Introduced, "0"), new(RangeEventKind.Fixed, NotAVersion)])], "1.0");
        Assert.Same(affected, ListedVersionReducer.Reduce(affected, Pep440Scheme.Instance));
    }

    [Theory]
    [InlineData("0.9")]
    [InlineData("1.0.0")]
    [InlineData("2.0")]
    [InlineData("2.1")]
    [InlineData("2.1.0")]
    [InlineData("3.0")]
    public void Check_AnyVersion_SameVerdictBeforeAndAfter(string version)
    {
        var affected = Package([Below2], "0.9", "1.0", "2.1");
        var reduced = ListedVersionReducer.Reduce(affected, Pep440Scheme.Instance);
        Assert.Equal(
            AffectedVersionEvaluator.Check(affected, version, Pep440Scheme.Instance).Verdict,
            AffectedVersionEvaluator.Check(reduced, version, Pep440Scheme.Instance).Verdict);
    }

    private static AffectedPackage Package(AffectedRange[] ranges, params string[] versions) => new("PyPI", "demo", null, ranges, versions);
}
