using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Testing;
using Xunit;

namespace Ctem.Core.Tests.Model;

public sealed class RpmEcosystemsTests
{
    /// <summary>Cases: an rpm purl as Trivy or Syft writes it → ecosystem, package name advisories use, version matched.</summary>
    public static TheoryData<string, string?, string, string> Purls => new()
    {
        // Trivy: the namespace is the OS family, distro the family and VERSION_ID, the epoch a qualifier.
        { "pkg:rpm/rocky/openssl-libs@1.1.1k-4.el8?arch=x86_64&distro=rocky-8.5&epoch=1", "Rocky Linux:8", "openssl-libs", "1:1.1.1k-4.el8" },
        { "pkg:rpm/alma/openssl-libs@1.1.1k-4.el8?arch=x86_64&distro=alma-8.5&epoch=1", "AlmaLinux:8", "openssl-libs", "1:1.1.1k-4.el8" },
        { "pkg:rpm/redhat/bash@4.2.46-33.el7?arch=x86_64&distro=redhat-7.7", "Red Hat:enterprise_linux:7", "bash", "4.2.46-33.el7" },
        { "pkg:rpm/opensuse/openssl-1_1@1.1.0i-lp151.8.3.1?arch=x86_64&distro=opensuse-leap-15.1", "openSUSE:Leap 15.1", "openssl-1_1", "1.1.0i-lp151.8.3.1" },
        { "pkg:rpm/opensuse/libopenssl3@3.1.4-9.1?arch=x86_64&distro=opensuse-tumbleweed-20240607", "openSUSE:Tumbleweed", "libopenssl3", "3.1.4-9.1" },

        // Syft: the namespace is os-release's ID, the source RPM's file name in upstream; advisories name the source package.
        { "pkg:rpm/rhel/bind-libs@9.11.36-5.el8_7.2?arch=x86_64&epoch=32&upstream=bind-9.11.36-5.el8_7.2.src.rpm&distro=rhel-8.7", "Red Hat:enterprise_linux:8", "bind", "32:9.11.36-5.el8_7.2" },
        { "pkg:rpm/rhel/avahi-libs@0.7-20.el8?arch=x86_64&upstream=avahi-0.7-20.el8.src.rpm&distro=rhel-8.7", "Red Hat:enterprise_linux:8", "avahi", "0.7-20.el8" },
        { "pkg:rpm/rhel/openssl-libs@3.2.2-6.el10?arch=x86_64&epoch=1&upstream=openssl-3.2.2-6.el10.src.rpm&distro=rhel-10.0", "Red Hat:enterprise_linux:10.0", "openssl", "1:3.2.2-6.el10" },
        { "pkg:rpm/almalinux/glibc@2.34-100.el9?arch=x86_64&upstream=glibc-2.34-100.el9.src.rpm&distro=almalinux-9.4", "AlmaLinux:9", "glibc", "2.34-100.el9" },
        { "pkg:rpm/rocky/python3-libs@3.9.18-3.el9?arch=x86_64&upstream=python3.9-3.9.18-3.el9.src.rpm&distro=rocky-9.3", "Rocky Linux:9", "python3.9", "3.9.18-3.el9" },
        { "pkg:rpm/sles/libopenssl3@3.0.8-150500.5.8.1?arch=x86_64&upstream=openssl-3-3.0.8-150500.5.8.1.src.rpm&distro=sles-15.5", "SUSE:Linux Enterprise 15 SP5", "openssl-3", "3.0.8-150500.5.8.1" },
        { "pkg:rpm/sles/bash@4.4-150400.25.22?distro=sles-15.4", "SUSE:Linux Enterprise 15 SP4", "bash", "4.4-150400.25.22" },
        { "pkg:rpm/sles/bash@4.4-9.10.1?distro=sles-15", "SUSE:Linux Enterprise 15", "bash", "4.4-9.10.1" },
        { "pkg:rpm/sles/bash@5.2.37-1.2?distro=sles-16.0", "SUSE:Linux Enterprise 16.0", "bash", "5.2.37-1.2" },
        { "pkg:rpm/sle-micro/bash@4.4-150400.25.22?distro=sle-micro-5.5", "SUSE:Linux Enterprise Micro 5.5", "bash", "4.4-150400.25.22" },
        { "pkg:rpm/opensuse-leap/curl@8.0.1-150400.5.41.1?distro=opensuse-leap-15.5", "openSUSE:Leap 15.5", "curl", "8.0.1-150400.5.41.1" },
        { "pkg:rpm/opensuse-leap-micro/curl@8.0.1-150400.5.41.1?distro=opensuse-leap-micro-5.5", "openSUSE:Leap Micro 5.5", "curl", "8.0.1-150400.5.41.1" },

        // Without a release the family alone; a distribution OSV has no advisories of, none.
        { "pkg:rpm/rocky/bash@5.1.8-6.el9", "Rocky Linux", "bash", "5.1.8-6.el9" },
        { "pkg:rpm/redhat/bash@4.2.46-33.el7", "Red Hat", "bash", "4.2.46-33.el7" },
        { "pkg:rpm/centos/openssl-libs@1.0.2k-16.el7?arch=x86_64&distro=centos-7.6.1810&epoch=1", null, "openssl-libs", "1:1.0.2k-16.el7" },
        { "pkg:rpm/amazon/curl@7.61.1-12.amzn2.0.1?arch=x86_64&distro=amazon-2%20%28Karoo%29", null, "curl", "7.61.1-12.amzn2.0.1" },
        { "pkg:rpm/fedora/bash@5.2.26-3.fc40?distro=fedora-40", null, "bash", "5.2.26-3.fc40" },
        // A derivative's distro does not name a release of the family its namespace says.
        { "pkg:rpm/rhel/bash@4.4.20-4.el8?distro=centos-8", "Red Hat", "bash", "4.4.20-4.el8" },
    };

    [Theory]
    [MemberData(nameof(Purls))]
    public void Component_RpmPurl_MapsToReleaseEcosystemSourceNameAndEpoch(string purl, string? ecosystem, string name, string matchVersion)
    {
        var component = new Component("x", null, PackageUrl.Parse(purl).Value, null, new SourceLocation("sbom.json", null));

        Assert.Equal(ecosystem, component.Ecosystem);
        Assert.Equal(ecosystem is null ? null : new PackageKey(ecosystem, name), component.PackageKey);
        Assert.Equal(name, Ecosystems.PackageNameOf(component.Purl!));
        Assert.Equal(matchVersion, component.MatchVersion);
    }

    /// <summary>Cases: an OSV record's ecosystem → the key it is indexed by, which packages of that release look up.</summary>
    public static TheoryData<string, string> StreamKeys => new()
    {
        { "Red Hat:enterprise_linux:9::appstream", "Red Hat:enterprise_linux:9" },
        { "Red Hat:enterprise_linux:9::baseos", "Red Hat:enterprise_linux:9" },
        { "Red Hat:enterprise_linux:7::server", "Red Hat:enterprise_linux:7" },
        { "Red Hat:enterprise_linux:10.0", "Red Hat:enterprise_linux:10.0" },
        // Extended-support and other products need subscriptions or products of their own: apart.
        { "Red Hat:rhel_eus:9.2::appstream", "Red Hat:rhel_eus:9.2::appstream" },
        { "Red Hat:openshift:4.14::el9", "Red Hat:openshift:4.14::el9" },
        // SUSE files packages under the module or support phase that ships them, all of one release.
        { "SUSE:Linux Enterprise Server 15 SP5", "SUSE:Linux Enterprise 15 SP5" },
        { "SUSE:Linux Enterprise Module for Basesystem 15 SP5", "SUSE:Linux Enterprise 15 SP5" },
        { "SUSE:Linux Enterprise Module for Python 3 15 SP5", "SUSE:Linux Enterprise 15 SP5" },
        { "SUSE:Linux Enterprise Server 15 SP4-LTSS", "SUSE:Linux Enterprise 15 SP4" },
        { "SUSE:Linux Enterprise High Performance Computing 15 SP5-ESPOS", "SUSE:Linux Enterprise 15 SP5" },
        { "SUSE:Linux Enterprise Server 12 SP5-LTSS-EXTENDED-SECURITY", "SUSE:Linux Enterprise 12 SP5" },
        { "SUSE:Linux Enterprise Server 16.0", "SUSE:Linux Enterprise 16.0" },
        { "SUSE:Linux Enterprise Micro 5.5", "SUSE:Linux Enterprise Micro 5.5" },
        { "SUSE:SUSE Manager Server 4.3", "SUSE:SUSE Manager Server 4.3" },
        { "openSUSE:Leap 15.5", "openSUSE:Leap 15.5" },
        { "Rocky Linux:9", "Rocky Linux:9" },
        { "AlmaLinux:8", "AlmaLinux:8" },
    };

    [Theory]
    [MemberData(nameof(StreamKeys))]
    public void AffectedKey_RpmStream_IsItsRelease(string osvEcosystem, string key) =>
        Assert.Equal(new PackageKey(key, "openssl"), new AffectedPackage(osvEcosystem, "openssl", null, [], []).Key);

    /// <summary>Cases: a real scanner report of an rpm distribution → the ecosystem every rpm package in it maps to.</summary>
    public static TheoryData<string, string?, int> Reports => new()
    {
        { "trivy/trivy-integration__rockylinux-8.json", "Rocky Linux:8", 1 },
        { "trivy/trivy-integration__almalinux-8.json", "AlmaLinux:8", 1 },
        { "trivy/trivy-integration__ubi-7.json", "Red Hat:enterprise_linux:7", 1 },
        { "trivy/trivy-integration__opensuse-leap-151.json", "openSUSE:Leap 15.1", 2 },
        { "trivy/trivy-integration__opensuse-tumbleweed.json", "openSUSE:Tumbleweed", 1 },
        { "grype/defectdojo__issue_9618.json", "Red Hat:enterprise_linux:8", 32 },
        { "trivy/trivy-integration__centos-7.json", null, 3 },
    };

    [SkippableTheory]
    [MemberData(nameof(Reports))]
    public void FromPurl_RealReport_EveryRpmPackageMapsToItsRelease(string report, string? ecosystem, int count)
    {
        RepoPaths.RequireShared();
        using var document = JsonDocument.Parse(File.ReadAllBytes(RepoPaths.SharedData("scanners", report)));

        var purls = RpmPurls(document.RootElement).ToList();

        Assert.Equal(count, purls.Count);
        Assert.All(purls, p => Assert.Equal(ecosystem, Ecosystems.FromPurl(PackageUrl.Parse(p).Value!)));
    }

    private static IEnumerable<string> RpmPurls(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => RpmPurls(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(RpmPurls),
        JsonValueKind.String when element.GetString() is { } text && text.StartsWith("pkg:rpm/", StringComparison.Ordinal) => [text],
        _ => [],
    };
}
