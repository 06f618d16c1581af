using System.Collections.Immutable;
using Ctem.Core.Extensibility;
using Ctem.Core.Versioning;
using Ctem.Plugins.Parsers.Apk;
using Ctem.Plugins.Parsers.Cargo;
using Ctem.Plugins.Parsers.CisaKev;
using Ctem.Plugins.Parsers.Cve;
using Ctem.Plugins.Parsers.Composer;
using Ctem.Plugins.Parsers.CycloneDx;
using Ctem.Plugins.Parsers.Dpkg;
using Ctem.Plugins.Parsers.Epss;
using Ctem.Plugins.Parsers.Go;
using Ctem.Plugins.Parsers.Maven;
using Ctem.Plugins.Parsers.Npm;
using Ctem.Plugins.Parsers.NuGet;
using Ctem.Plugins.Parsers.Osv;
using Ctem.Plugins.Parsers.PyPI;
using Ctem.Plugins.Parsers.RubyGems;
using Ctem.Plugins.Parsers.Spdx;
using Ctem.Plugins.Parsers.Spdx3;
using Ctem.Plugins.VersionSchemes.Alpine;
using Ctem.Plugins.Writers.CycloneDx;
using Ctem.Plugins.Writers.Spdx;
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

namespace Ctem.Plugins;

/// <summary>The one list of built-in plugins. Adding a format is one folder and one line here.</summary>
public static class BuiltInPlugins
{
    public static ImmutableArray<IInventoryParser> InventoryParsers => InventoryParsersList.Items;

    /// <summary>Third-party scanner report formats that <c>ctem ingest</c> reads, in detection order.</summary>
    public static ImmutableArray<IReportParser> ReportParsers => ReportParsersList.Items;

    public static ImmutableArray<IAdvisoryParser> AdvisoryParsers => AdvisoryParsersList.Items;

    /// <summary>Probes <c>ctem discover</c> hands every open port to, in this order: each sees what the earlier ones concluded.</summary>
    public static ImmutableArray<IServiceProbe> ServiceProbes => ServiceProbesList.Items;

    /// <summary>SBOM writers for <c>ctem sbom --format</c>.</summary>
    public static ImmutableArray<ISbomWriter> SbomWriters => SbomWritersList.Items;

    /// <summary>CVE records: CVE JSON 5.x and NVD CVE API 2.0 (joined to findings by CVE id, not matched on packages).</summary>
    public static ImmutableArray<ICveRecordParser> CveRecordParsers => CveRecordParsersList.Items;

    /// <summary>Whole-snapshot feeds; asked before the advisory parsers, since they decide on content.</summary>
    public static ImmutableArray<IFeedParser> FeedParsers => FeedParsersList.Items;

    /// <summary>VEX formats that <c>ctem vex import</c> reads, in detection order (OpenVEX last: it also claims "*openvex*.json" by name).</summary>
    public static ImmutableArray<IVexReader> VexReaders => VexReadersList.Items;

    /// <summary>VEX formats that <c>ctem vex export --format</c> writes.</summary>
    public static ImmutableArray<IVexWriter> VexWriters => VexWritersList.Items;

    /// <summary>One scheme per ecosystem family; a duplicate ecosystem fails at start-up.</summary>
    public static VersionSchemeRegistry VersionSchemes => VersionSchemesList.Items;

    // Each list is built on first use (the CLR runs a nested class's initializer then, once, thread-safely): a command
    // pays only for the plugins it asks for, and 'ctem --version' for none.

    private static class InventoryParsersList
    {
        public static readonly ImmutableArray<IInventoryParser> Items =
        [
            new CycloneDxJsonParser(),
            new CycloneDxXmlParser(),

            // SPDX 3 before SPDX 2: both may be named *.spdx.json; the JSON-LD one decides on its @context.
            new Spdx3JsonLdParser(),
            new SpdxJsonParser(),
            new SpdxTagValueParser(),
            new NuGetPackagesLockParser(),
            new NuGetDepsJsonParser(),
            new NuGetPackagesConfigParser(),
            new MsBuildProjectParser(),
            new MavenPomParser(),
            new GradleLockfileParser(),
            new NpmPackageLockParser(),
            new YarnLockParser(),
            new PnpmLockParser(),
            new PipRequirementsParser(),
            new PoetryLockParser(),
            new PipfileLockParser(),
            new UvLockParser(),
            new GoModParser(),
            new CargoLockParser(),
            new GemfileLockParser(),
            new ComposerLockParser(),
            new DpkgStatusParser(),
            new ApkInstalledParser(),
        ];
    }

    private static class ReportParsersList
    {
        public static readonly ImmutableArray<IReportParser> Items =
        [
            new Reports.Trivy.TrivyJsonParser(),
            new Reports.Sarif.SarifParser(),
            new Reports.Nuclei.NucleiParser(),
            new Reports.Nmap.NmapXmlParser(),
            new Reports.Zap.ZapXmlParser(),
            new Reports.Zap.ZapJsonParser(),
            new Reports.Testssl.TestsslJsonParser(),
            new Reports.DependencyCheck.DependencyCheckXmlParser(),
            new Reports.DependencyCheck.DependencyCheckJsonParser(),
            new Reports.CycloneDxVdr.CycloneDxVdrJsonParser(),
            new Reports.CycloneDxVdr.CycloneDxVdrXmlParser(),
            new Reports.NpmAudit.NpmAuditParser(),
            new Reports.DotnetListPackage.DotnetVulnerableParser(),
            new Reports.Dependabot.DependabotAlertsParser(),
            new Reports.Grype.GrypeJsonParser(),
            new Reports.OsvScanner.OsvScannerJsonParser(),
            new Reports.Masscan.MasscanJsonParser(),
            new Reports.Naabu.NaabuJsonParser(),
            new Reports.Httpx.HttpxJsonParser(),
            new Reports.OpenVas.OpenVasXmlParser(),
            new Reports.OpenVas.OpenVasCsvParser(),
            new Reports.Nessus.NessusCsvParser(),
            new Reports.Nessus.NessusXmlParser(),
            new Reports.Gitleaks.GitleaksJsonParser(),
            new Reports.Semgrep.SemgrepJsonParser(),
            new Reports.Snyk.SnykJsonParser(),
        ];
    }

    private static class ServiceProbesList
    {
        public static readonly ImmutableArray<IServiceProbe> Items =
        [
            new Probes.Banner.BannerProbe(),
            new Probes.Tls.TlsProbe(),
            new Probes.Http.HttpProbe(),
        ];
    }

    private static class AdvisoryParsersList
    {
        public static readonly ImmutableArray<IAdvisoryParser> Items =
        [
            new OsvJsonParser(),
            new OsvYamlParser(),
        ];
    }

    private static class SbomWritersList
    {
        public static readonly ImmutableArray<ISbomWriter> Items =
        [
            new CycloneDxJsonWriter(),
            new CycloneDxXmlWriter(),
            new SpdxJsonWriter(),
        ];
    }

    private static class CveRecordParsersList
    {
        public static readonly ImmutableArray<ICveRecordParser> Items =
        [
            new CveJson5Parser(),
            new NvdApiParser(),
        ];
    }

    private static class FeedParsersList
    {
        public static readonly ImmutableArray<IFeedParser> Items =
        [
            new CisaKevJsonParser(),
            new CisaKevCsvParser(),
            new EpssCsvParser(),
        ];
    }

    private static class VexReadersList
    {
        public static readonly ImmutableArray<IVexReader> Items =
        [
            new Vex.Csaf.CsafVexReader(),
            new Vex.CycloneDx.CycloneDxVexJsonReader(),
            new Vex.CycloneDx.CycloneDxVexXmlReader(),
            new Vex.OpenVex.OpenVexReader(),
        ];
    }

    private static class VexWritersList
    {
        public static readonly ImmutableArray<IVexWriter> Items =
        [
            new Vex.OpenVex.OpenVexWriter(),
            new Vex.CycloneDx.CycloneDxVexWriter(),
            new Vex.Csaf.CsafVexWriter(),
        ];
    }

    private static class VersionSchemesList
    {
        public static readonly VersionSchemeRegistry Items = new(
        [
            SemVerScheme.Instance,
            Pep440Scheme.Instance,
            MavenScheme.Instance,
            NuGetScheme.Instance,
            PackagistScheme.Instance,
            PubScheme.Instance,
            RubyGemsScheme.Instance,
            CranScheme.Instance,
            HackageScheme.Instance,
            DebianScheme.Instance,
            AlpineScheme.Instance,
            RpmScheme.Instance,
        ]);
    }
}
