using System.IO.Compression;
using Ctem.Core.Model;
using Ctem.Plugins.Parsers.Cve;
using Ctem.Testing;
using Xunit;

namespace Ctem.Core.Tests.Model;

/// <summary>NVD configurations as NVD publishes them (osv.dev's test copies of real NVD records, in the shared data).</summary>
public sealed class NvdCpeMatcherTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, CveRecord>> Records = new(Load);

    /// <summary>Cases: CVE, the observed CPE, the range it matched in (null: not vulnerable), the platforms left unverified.</summary>
    public static TheoryData<string, string, string?, string> Cases => new()
    {
        // Several ranges in one OR node: inside one, between two, at an excluded end, at an included start.
        { "CVE-2022-32746", "cpe:2.3:a:samba:samba:4.14.13:*:*:*:*:*:*:*", ">= 4.3.0, < 4.14.14", "" },
        { "CVE-2022-32746", "cpe:2.3:a:samba:samba:4.14.14:*:*:*:*:*:*:*", null, "" },
        { "CVE-2022-32746", "cpe:2.3:a:samba:samba:4.16.0:*:*:*:*:*:*:*", ">= 4.16.0, < 4.16.4", "" },
        { "CVE-2022-32746", "cpe:2.3:a:samba:samba:4.2.9:*:*:*:*:*:*:*", null, "" },
        // Exact versions.
        { "CVE-2024-3094", "cpe:2.3:a:tukaani:xz:5.6.1:*:*:*:*:*:*:*", "= 5.6.1", "" },
        { "CVE-2024-3094", "cpe:2.3:a:tukaani:xz:5.4.6:*:*:*:*:*:*:*", null, "" },
        { "CVE-2021-28429", "cpe:2.3:a:ffmpeg:ffmpeg:4.3.2:*:*:*:*:*:*:*", "= 4.3.2", "" },
        // A distribution's version string in a range: compared run by run.
        { "CVE-2014-1424", "cpe:2.3:a:ubuntu:apparmor:2.8.94-0ubuntu1.3:*:*:*:*:*:*:*", "<= 2.8.94-0ubuntu1.4", "" },
        { "CVE-2014-1424", "cpe:2.3:a:ubuntu:apparmor:2.8.95:*:*:*:*:*:*:*", null, "" },
        // AND configurations: the vulnerable product on a platform a banner cannot see, which stays unverified.
        { "CVE-2020-13595", "cpe:2.3:a:espressif:esp-idf:4.2:*:*:*:*:*:*:*", ">= 4.0.0, <= 4.2", "cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*" },
        { "CVE-2020-13595", "cpe:2.3:a:espressif:esp-idf:4.3:*:*:*:*:*:*:*", null, "" },
        { "CVE-2023-24256", "cpe:2.3:o:nio:aspen:3.2.9:*:*:*:*:*:*:*", "< 3.3.0", "cpe:2.3:h:nio:ec6:-:*:*:*:*:*:*:*" },
        // The part is compared: an application is not the operating system of the same name.
        { "CVE-2023-24256", "cpe:2.3:a:nio:aspen:3.2.9:*:*:*:*:*:*:*", null, "" },
        // The legacy 1.1 feed's AND node with children, the platform being the Linux kernel.
        { "CVE-2021-3669", "cpe:2.3:a:ibm:spectrum_protect_plus:10.1.10.2:*:*:*:*:*:*:*", ">= 10.1.0, <= 10.1.10.2", "cpe:2.3:o:linux:linux_kernel:-:*:*:*:*:*:*:*" },
        { "CVE-2021-3669", "cpe:2.3:a:ibm:spectrum_protect_plus:10.1.11:*:*:*:*:*:*:*", null, "" },
        // A version NVD marks NA ("-") matches no versioned product; no version observed decides nothing.
        { "CVE-2022-2956", "cpe:2.3:a:noxen_project:noxen:1.0:*:*:*:*:*:*:*", null, "" },
        { "CVE-2022-32746", "cpe:2.3:a:samba:samba:*:*:*:*:*:*:*:*", null, "" },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Match_RealNvdRecord_DecidesAsTheConfigurationsSay(string cve, string observed, string? range, string platforms)
    {
        RepoPaths.RequireShared();
        var record = Records.Value[cve];

        var match = NvdCpeMatcher.Match(record.CpeConfigurationsJson, CpeName.Parse(observed)!);

        Assert.Equal((range, platforms), (match?.Range, match is null ? "" : string.Join(" ", match.UnverifiedPlatforms)));
    }

    /// <summary>
    /// OpenSSH's versions as NVD spells them (CVE-2023-38408's configuration: "before 9.3p2" is every version before 9.3,
    /// plus 9.3 with update "-" and with update "p1"). Not in the shared data; the shape is NVD's, quoted here.
    /// </summary>
    [Theory]
    [InlineData("cpe:2.3:a:openbsd:openssh:8.2:p1:*:*:*:*:*:*", "< 9.3")]
    [InlineData("cpe:2.3:a:openbsd:openssh:9.3:p1:*:*:*:*:*:*", "= 9.3 p1")]
    [InlineData("cpe:2.3:a:openbsd:openssh:9.3:-:*:*:*:*:*:*", "= 9.3 -")]
    [InlineData("cpe:2.3:a:openbsd:openssh:9.3:p2:*:*:*:*:*:*", null)]
    [InlineData("cpe:2.3:a:openbsd:openssh:9.6:p1:*:*:*:*:*:*", null)]
    public void Match_UpdateAttribute_SeparatesOpenSshPortableReleases(string observed, string? range)
    {
        const string configurations = """
            [{"nodes": [{"operator": "OR", "negate": false, "cpeMatch": [
              {"vulnerable": true, "criteria": "cpe:2.3:a:openbsd:openssh:*:*:*:*:*:*:*:*", "versionEndExcluding": "9.3"},
              {"vulnerable": true, "criteria": "cpe:2.3:a:openbsd:openssh:9.3:-:*:*:*:*:*:*"},
              {"vulnerable": true, "criteria": "cpe:2.3:a:openbsd:openssh:9.3:p1:*:*:*:*:*:*"}]}]},
             {"nodes": [{"operator": "OR", "negate": false, "cpeMatch": [
              {"vulnerable": true, "criteria": "cpe:2.3:o:fedoraproject:fedora:37:*:*:*:*:*:*:*"}]}]}]
            """;

        Assert.Equal(range, NvdCpeMatcher.Match(configurations, CpeName.Parse(observed)!)?.Range);
    }

    private static IReadOnlyDictionary<string, CveRecord> Load()
    {
        var parser = new NvdApiParser();
        using var zip = ZipFile.OpenRead(RepoPaths.SharedData("cve", "samples", "osv-dev-vulnfeeds-testdata.zip"));
        var records = new Dictionary<string, CveRecord>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal) && e.FullName.StartsWith("nvdcve-", StringComparison.Ordinal)))
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(content);
            }

            foreach (var record in parser.Parse(entry.FullName, content.ToArray()).Records)
            {
                records[record.CveId] = record;
            }
        }

        return records;
    }
}
