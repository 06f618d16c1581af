using System.Text.Json;
using Ctem.Plugins.VersionSchemes.Debian;
using Ctem.Testing;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes.Debian;

public sealed class DebianSchemeTests
{
    public static TheoryData<string, int, string> Cases => new()
    {
        { "1.0~rc1", -1, "1.0" },
        { "1.0~~", -1, "1.0~" },
        { "1.0~", -1, "1.0" },
        { "1.0", -1, "1.0a" },
        { "1.0a", -1, "1.0+" },
        { "1.0+", -1, "1.0.1" },
        { "1:0.5", 1, "9.9" },
        { "01:1.0", 0, "1:1.0" },
        { "1.0", 0, "1.0-0" },
        { "1.0-1", -1, "1.0-1ubuntu1" },
        { "1.0-1ubuntu1", -1, "1.0-2" },
        { "2.30-1+deb11u1", 1, "2.30-1" },
        { "1.2.3-4-5", 1, "1.2.3-4-4" },
        { "1.2.3-4-5", -1, "1.2.3-5-1" },
        { "0.000123", 0, "0.123" },
        { "18446744073709551616", 1, "18446744073709551615" },
        { "99999999999999999999999:1.0", 1, "99999999999999999999998:2.0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compare_Table_OrdersAsDpkg(string left, int expected, string right)
    {
        Assert.Equal(expected, Compare(left, right));
        Assert.Equal(-expected, Compare(right, left));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a:1.0")]
    [InlineData(":1.0")]
    [InlineData("1:")]
    [InlineData("1.0-")]
    [InlineData("1:-1")]
    [InlineData("1.0 beta")]
    [InlineData("1.0_1")]
    [InlineData("1.0-1_2")]
    [InlineData("1.0-1:2")]
    [InlineData("1.0.0:1-1")]
    public void TryParse_NotAVersion_ReportsError(string text)
    {
        Assert.False(DebianScheme.Instance.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Ecosystems_Always_ListDebianAndUbuntu()
    {
        Assert.Equal(["Debian", "Ubuntu"], DebianScheme.Instance.Ecosystems);
    }

    [SkippableTheory]
    [InlineData("debian-versions.txt")]
    [InlineData("debian-versions-generated.txt")]
    public void Compare_SharedDebianVectors_AllPass(string file)
    {
        RepoPaths.RequireShared();
        var vectors = VersionVectors.Read(RepoPaths.SharedVectors("version-ordering", "osv-scalibr", file));
        Assert.NotEmpty(vectors);
        var failures = SchemeAssert.VectorFailures(DebianScheme.Instance, vectors);
        Assert.Empty(failures);
    }

    [SkippableFact]
    public void Compare_SharedUniversDebVectors_AllPass()
    {
        RepoPaths.RequireShared();
        var cases = ReadUniversComparisons(RepoPaths.SharedVectors("vers", "univers", "schema", "deb_version_python_pkg_test.json"));
        Assert.NotEmpty(cases);
        var failures = SchemeAssert.VersFailures(DebianScheme.Instance, cases);
        Assert.Empty(failures);
    }

    // The univers file is a bare list of vers-spec-shaped cases (no "tests" wrapper), so VersSpecVectors cannot read it.
    private static List<VersComparison> ReadUniversComparisons(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<VersComparison>();
        foreach (var test in document.RootElement.EnumerateArray())
        {
            var description = test.GetProperty("description").GetString() ?? "";
            var expected = test.GetProperty("expected_output");
            switch (test.GetProperty("test_type").GetString())
            {
                case "comparison":
                    var sorted = expected.EnumerateArray().Select(v => v.GetString()!).ToArray();
                    cases.Add(new VersComparison(sorted[0], sorted[1], VersRelation.NotGreater, description));
                    break;
                case "equality":
                    var versions = test.GetProperty("input").GetProperty("versions").EnumerateArray().Select(v => v.GetString()!).ToArray();
                    var relation = expected.GetBoolean() ? VersRelation.Equal : VersRelation.NotEqual;
                    cases.Add(new VersComparison(versions[0], versions[1], relation, description));
                    break;
                default:
                    throw new FormatException($"{path}: unexpected test_type in a comparison file");
            }
        }

        return cases;
    }

    private static int Compare(string left, string right) => SchemeAssert.Order(DebianScheme.Instance, left, right);
}
