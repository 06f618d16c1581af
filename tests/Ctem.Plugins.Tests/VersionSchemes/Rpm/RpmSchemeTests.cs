using Ctem.Plugins.VersionSchemes.Rpm;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Rpm;

public sealed class RpmSchemeTests
{
    private const string RpmVerCmpPrefix = "RPMVERCMP(";

    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0^", 1, "1.0" },
        { "1.0^git1", -1, "1.0^git2" },
        { "1.0^git1", -1, "1.01" },
        { "1.0^20160101", -1, "1.0.1" },
        { "1.0~rc1^git1", 1, "1.0~rc1" },
        { "1.0^git1~pre", -1, "1.0^git1" },
        { "1.0~rc1", -1, "1.0" },
        { "1.0a", -1, "1.0.1" },
        { "1.0-1", -1, "1.0-2" },
        { "1.0-1.el8", -1, "1.0-1.el9" },
        { "1.0-1-2", -1, "1.0-1-3" },
        { "1.0-1-2", -1, "1.0-2-1" },
        { "1:1.0", 1, "2.0" },
        { ":1.0", 0, "1.0" },
        { "01:1.0", 0, "1:1.0" },
        { "a:1", -1, "b:1" },
        { "1.0-", -1, "1.0-1" },
        { "18446744073709551616", 1, "18446744073709551615" },
        { "18446744073709551616:1", 1, "18446744073709551615:2" },
        { "1.1.α", 0, "1.1.β" },
    };

    // A version without a release against one with a release, as rpm's rpmverCmp orders them (rpmio/rpmver.c:
    // compare_values puts a missing release below any release, even an empty one); expectations checked with
    // python3-rpm 4.18's rpm.ver. rpmverOverlap, which matches dependency ranges, lets a missing release match any
    // release instead, but that is no order: 1.0 would equal both 1.0-1 and 1.0-2.
    public static TheoryData<string, int, string> MissingReleaseCases => new()
    {
        { "1.0", -1, "1.0-5" },
        { "1.0", -1, "1.0-" },
        { "1.0-", -1, "1.0-0" },
        { "1.0-0", -1, "1.0-1" },
        { "1:1.0", -1, "1:1.0-1" },
        { "0:1.0", -1, "1.0-1" },
        { "1.0", 1, "0.9-9" },
        { "2.0", 1, "1.0-99" },
        { "1.0", -1, "1.0.0-1" },
        { "1.0~rc1", -1, "1.0-1" },
        { "1.0^git1", 1, "1.0-1" },
        { "1.0.el8", 1, "1.0-1.el8" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(MissingReleaseCases))]
    public void Compare_Table_OrdersAsRpm(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.0 beta")]
    [InlineData("1:")]
    [InlineData("-1")]
    [InlineData("1:-2")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(RpmScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Ecosystems_Always_ListRpmDistributions()
    {
        Assert.Equal(["Red Hat", "Rocky Linux", "AlmaLinux", "openSUSE", "SUSE", "Mageia", "openEuler"], RpmScheme.Instance.Ecosystems);
    }

    [SkippableFact]
    public void Compare_SharedRedHatVectors_AllPass()
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", "redhat-versions.txt"));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(RpmScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void Compare_SharedRpmVerCmpVectors_AllPass()
    {
        RepoPaths.RequireShared();
        var vectors = ReadRpmVerCmp(RepoPaths.SharedVectors("vers", "univers", "rpmvercmp.at"));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(RpmScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    // GNU autotest file: each test is a line "RPMVERCMP(a, b, r)"; the other lines are m4 preamble and banners.
    private static List<VersionVector> ReadRpmVerCmp(string path)
    {
        var vectors = new List<VersionVector>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!line.StartsWith(RpmVerCmpPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.TrimEnd()[RpmVerCmpPrefix.Length..^1].Split(", ");
            if (parts.Length != 3 || !int.TryParse(parts[2], out var expected) || expected is < -1 or > 1)
            {
                throw new FormatException($"{path}:{number}: expected 'RPMVERCMP(a, b, r)' with r in -1, 0, 1");
            }

            vectors.Add(new VersionVector(parts[0], expected, parts[1], number));
        }

        return vectors;
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(RpmScheme.Instance, left, right);
}
