using Ctem.Core.Model;
using Xunit;

namespace Ctem.Core.Tests.Model;

public sealed class AdvisoryTests
{
    [Theory]
    [InlineData("RUSTSEC-2021-0049", "crates.io")]
    [InlineData("PYSEC-2023-188", "PyPI")]
    [InlineData("GO-2022-0344", "Go")]
    // Databases of many ecosystems: their records must be read to know.
    [InlineData("GHSA-5hpj-m323-cphm", null)]
    [InlineData("CVE-2021-29940", null)]
    [InlineData("MAL-2022-1", null)]
    [InlineData("OSV-2020-111", null)]
    [InlineData("DSA-5000-1", null)]
    // A prefix is the text before the first dash, whole: GOOGLE-… or GO without a dash name no database.
    [InlineData("GOOGLE-1", null)]
    [InlineData("GO", null)]
    public void EcosystemOf_Id_NamesTheOneEcosystemItsDatabaseCovers(string id, string? ecosystem) =>
        Assert.Equal(ecosystem, Advisory.EcosystemOf(id));
}
