using Ctem.Storage;
using Xunit;

namespace Ctem.Storage.Tests;

public sealed class JsonArraysTests
{
    // Rows written before the fast writer were serialized by StorageJson; the stored text must not change.
    public static TheoryData<string[]> StringLists() => new()
    {
        Array.Empty<string>(),
        new[] { "CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q" },
        new[] { "quote \" and backslash \\", "<script>&'+", "ünïcödé 漢字", "tab\tnew\nline", "\u0001" },
    };

    [Theory]
    [MemberData(nameof(StringLists))]
    public void Of_Strings_WritesWhatStorageJsonWrites(string[] values)
    {
        Assert.Equal(StorageJson.Serialize<IReadOnlyList<string>>(values), JsonArrays.Of(values));
    }

    [Theory]
    [InlineData(new long[0], "[]")]
    [InlineData(new long[] { 1, 42, long.MaxValue }, "[1,42,9223372036854775807]")]
    public void Of_Numbers_WritesAJsonArray(long[] values, string expected)
    {
        Assert.Equal(expected, JsonArrays.Of(values));
    }

    [Fact]
    public void Of_UnsupportedType_Throws()
    {
        Assert.Throws<NotSupportedException>(() => JsonArrays.Of(new[] { 1.5 }));
    }
}
