using Ctem.Testing;
using Xunit;
using Xunit.Sdk;

namespace Ctem.Cli.Tests;

/// <summary>A missing prerequisite (../shared, PostgreSQL) skips a test on a developer's machine and fails it in CI.</summary>
public sealed class PrerequisiteTests
{
    private const string Missing = "CTEM_TEST_POSTGRES is not set";

    [Fact]
    public void Require_MissingOutsideCi_Skips()
    {
        var skip = Assert.Throws<Xunit.SkipException>(() => Prerequisite.Require(Missing, inCi: false));
        Assert.Equal(Missing, skip.Message);
    }

    [Fact]
    public void Require_MissingInCi_FailsSayingWhat()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => Prerequisite.Require(Missing, inCi: true));
        Assert.Equal("CI=true, so this test must run, but CTEM_TEST_POSTGRES is not set", failure.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Require_NothingMissing_Returns(bool inCi) => Prerequisite.Require(null, inCi);
}
