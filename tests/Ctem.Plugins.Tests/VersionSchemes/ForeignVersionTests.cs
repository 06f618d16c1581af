using Ctem.Core.Versioning;
using Ctem.Plugins.VersionSchemes.Alpine;
using Ctem.Plugins.VersionSchemes.Cran;
using Ctem.Plugins.VersionSchemes.Debian;
using Ctem.Plugins.VersionSchemes.Hackage;
using Ctem.Plugins.VersionSchemes.Maven;
using Ctem.Plugins.VersionSchemes.NuGet;
using Ctem.Plugins.VersionSchemes.Packagist;
using Ctem.Plugins.VersionSchemes.Pep440;
using Ctem.Plugins.VersionSchemes.Pub;
using Ctem.Plugins.VersionSchemes.Rpm;
using Ctem.Plugins.VersionSchemes.RubyGems;
using Ctem.Plugins.VersionSchemes.SemVer;
using Xunit;

namespace Ctem.Plugins.Tests.VersionSchemes;

/// <summary>Versions of two schemes have no order: comparing them is a bug in the caller, never a silent answer.</summary>
public sealed class ForeignVersionTests
{
    private static readonly Dictionary<string, IVersionScheme> Schemes = new(StringComparer.Ordinal)
    {
        ["alpine"] = AlpineScheme.Instance,
        ["cran"] = CranScheme.Instance,
        ["debian"] = DebianScheme.Instance,
        ["hackage"] = HackageScheme.Instance,
        ["maven"] = MavenScheme.Instance,
        ["nuget"] = NuGetScheme.Instance,
        ["packagist"] = PackagistScheme.Instance,
        ["pep440"] = Pep440Scheme.Instance,
        ["pub"] = PubScheme.Instance,
        ["rpm"] = RpmScheme.Instance,
        ["rubygems"] = RubyGemsScheme.Instance,
    };

    public static TheoryData<string, string> Samples => new()
    {
        { "alpine", "1.0-r0" },
        { "cran", "1.0" },
        { "debian", "1.0" },
        { "hackage", "1.0" },
        { "maven", "1.0" },
        { "nuget", "1.0" },
        { "packagist", "1.0" },
        { "pep440", "1.0" },
        { "pub", "1.0.0" },
        { "rpm", "1.0-1" },
        { "rubygems", "1.0" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void CompareTo_SemVerVersion_Throws(string scheme, string sample)
    {
        Assert.True(Schemes[scheme].TryParse(sample, out var version, out _));
        Assert.True(SemVerScheme.Instance.TryParse("1.0.0", out var semver, out _));
        Assert.Throws<InvalidOperationException>(() => version.CompareTo(semver));
    }
}
