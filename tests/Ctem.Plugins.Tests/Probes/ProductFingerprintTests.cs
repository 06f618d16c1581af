using Ctem.Core.Extensibility;
using Ctem.Plugins.Probes.Banner;
using Xunit;

namespace Ctem.Plugins.Tests.Probes;

/// <summary>What a banner or header line says → the fingerprint's purl, the CPE NVD lists it under, and the distribution build.</summary>
public sealed class ProductFingerprintTests
{
    /// <summary>Cases: text as services send it; purl; CPE; distribution build ("" for none). Texts as real servers send them.</summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "SSH-2.0-OpenSSH_8.2p1", "pkg:generic/openssh@8.2p1", "cpe:2.3:a:openbsd:openssh:8.2:p1:*:*:*:*:*:*", "" },
        { "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5", "pkg:generic/openssh@8.2p1", "cpe:2.3:a:openbsd:openssh:8.2:p1:*:*:*:*:*:*", "Ubuntu-4ubuntu0.5" },
        { "SSH-2.0-OpenSSH_7.4p1 Debian-10+deb9u7", "pkg:generic/openssh@7.4p1", "cpe:2.3:a:openbsd:openssh:7.4:p1:*:*:*:*:*:*", "Debian-10+deb9u7" },
        { "SSH-2.0-OpenSSH_9.6", "pkg:generic/openssh@9.6", "cpe:2.3:a:openbsd:openssh:9.6:*:*:*:*:*:*:*", "" },
        { "SSH-2.0-dropbear_2022.83", "pkg:generic/dropbear@2022.83", "cpe:2.3:a:dropbear_ssh_project:dropbear_ssh:2022.83:*:*:*:*:*:*:*", "" },
        { "nginx/1.18.0 (Ubuntu)", "pkg:generic/nginx@1.18.0", "cpe:2.3:a:f5:nginx:1.18.0:*:*:*:*:*:*:*", "Ubuntu" },
        { "nginx", "pkg:generic/nginx", "cpe:2.3:a:f5:nginx:*:*:*:*:*:*:*:*", "" },
        { "Apache/2.4.41 (Ubuntu)", "pkg:generic/apache-httpd@2.4.41", "cpe:2.3:a:apache:http_server:2.4.41:*:*:*:*:*:*:*", "Ubuntu" },
        { "Apache/2.4.62 (Unix)", "pkg:generic/apache-httpd@2.4.62", "cpe:2.3:a:apache:http_server:2.4.62:*:*:*:*:*:*:*", "" },
        { "PHP/7.4.3-4ubuntu2.19", "pkg:generic/php@7.4.3", "cpe:2.3:a:php:php:7.4.3:*:*:*:*:*:*:*", "4ubuntu2.19" },
        { "Microsoft-IIS/10.0", "pkg:generic/iis@10.0", "cpe:2.3:a:microsoft:internet_information_services:10.0:*:*:*:*:*:*:*", "" },
        { "220 ProFTPD 1.3.5a Server (Debian)", "pkg:generic/proftpd@1.3.5a", "cpe:2.3:a:proftpd:proftpd:1.3.5:a:*:*:*:*:*:*", "Debian" },
        { "220 (vsFTPd 3.0.3)", "pkg:generic/vsftpd@3.0.3", "cpe:2.3:a:beasts:vsftpd:3.0.3:*:*:*:*:*:*:*", "" },
        { "220 mx.example.org ESMTP Exim 4.96 Mon, 01 Dec 2026 10:00:00 +0000", "pkg:generic/exim@4.96", "cpe:2.3:a:exim:exim:4.96:*:*:*:*:*:*:*", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BannerProbe_Text_FingerprintsTheProductAsNvdNamesIt(string text, string purl, string cpe, string build)
    {
        var service = new ProbedService("127.0.0.1", System.Net.IPAddress.Loopback, 22) { Banner = text };

        var result = await new BannerProbe().ProbeAsync(service, null!, CancellationToken.None);

        var fingerprint = Assert.Single(result.Fingerprints);
        Assert.Equal((purl, cpe, build), (fingerprint.Purl.ToString(), fingerprint.Cpe, fingerprint.Build ?? ""));
    }
}
