using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Every command with option values it cannot take: a usage error (exit 2) in one clear line that names the option and
/// what it takes — with the nearest known name where there is one — never an internal error, and nothing on stdout.
/// </summary>
public sealed class OptionValueTests
{
    public static TheoryData<string[], string> BadValues => new()
    {
        { ["db", "update", "--retries", "-1"], "--retries takes a whole number from 0 to 10, not '-1'" },
        { ["db", "update", "--retries", "11"], "--retries takes a whole number from 0 to 10, not '11'" },
        { ["db", "update", "--retries", "many"], "--retries takes a whole number from 0 to 10, not 'many'" },
        { ["db", "update", "--source", "epps"], "--source 'epps' is not a known source; did you mean 'epss'? (known: osv, kev, epss, cve, nvd)" },
        { ["db", "update", "--ecosystem", "PyPy"], "--ecosystem 'PyPy' is not a known OSV ecosystem; did you mean 'PyPI'?" },
        { ["db", "update", "--ecosystem", "Debian:"], "--ecosystem 'Debian:' is not a known OSV ecosystem" },
        { ["db", "update", "--osv-url", "osv.example"], "--osv-url 'osv.example' is not an https:// (or http://) URL" },
        { ["db", "update", "--kev-url", "ftp://kev.example/kev.json"], "--kev-url 'ftp://kev.example/kev.json' is not an https:// (or http://) URL" },
        { ["db", "update", "--format", "csv"], "--format 'csv' is not a known output format (known: table, json)" },
        { ["db", "import", "advisories", "--format", "markdown"], "--format 'markdown' is not a known output format (known: table, json)" },
        { ["db", "status", "--format", "jsn"], "--format 'jsn' is not a known output format; did you mean 'json'? (known: table, json)" },
        { ["scan", "sbom.json", "--format", "xml"], "--format 'xml' is not a known output format (known: table, json, sarif, csv, markdown)" },
        { ["scan", "sbom.json", "--format-in", "cyclonedx"], "--format-in 'cyclonedx' is not a known input format; did you mean 'cyclonedx/json' or 'cyclonedx/xml'?" },
        { ["scan", "sbom.json", "--product", ""], "--product needs a value, not an empty one" },
        { ["scan", "sbom.json", "--fail-on", "cvss>=11"], "'cvss>=11' is not a --fail-on condition: cvss>= takes a number from 0 to 10" },
        { ["scan", "sbom.json", "--fail-on", "risk>=101"], "'risk>=101' is not a --fail-on condition: risk>= takes a number from 0 to 100" },
        { ["scan", "sbom.json", "--fail-on", "severity>=hihg"], "'severity>=hihg' is not a --fail-on condition: severity>= takes low, medium, high, critical; did you mean 'severity>=high'?" },
        { ["scan", "sbom.json", "--fail-on", "severity>=7"], "'severity>=7' is not a --fail-on condition: severity>= takes low, medium, high, critical" },
        { ["scan", "sbom.json", "--fail-on", "cvs>=7"], "'cvs>=7' is not a --fail-on condition; did you mean 'cvss>=7'?" },
        { ["findings", "--fail-on", "epss>=2"], "'epss>=2' is not a --fail-on condition: epss>= takes a number from 0 to 1" },
        { ["findings", "--fail-on", "epss-percentile>=-0.1"], "'epss-percentile>=-0.1' is not a --fail-on condition: epss-percentile>= takes a number from 0 to 1" },
        { ["findings", "--format", "pdf"], "--format 'pdf' is not a known output format" },
        { ["findings", "--explain", "1", "--format", "sarif"], "--explain writes table or json, not sarif" },
        { ["ingest", "trivy.json", "--format", "trivy/json"], "--format 'trivy/json' is not a known output format (known: table, json); the input format is --format-in trivy/json" },
        { ["ingest", "trivy.json", "--format-in", "trivy"], "--format-in 'trivy' is not a known input format; did you mean 'trivy/json'?" },
        { ["ingest", "trivy.json", "--output-format", "xml"], "--output-format 'xml' is not a known output format" },
        { ["sbom", "sbom.json", "--format", "swid"], "--format 'swid' is not a known output format (known: cyclonedx-json, cyclonedx-xml, spdx-json)" },
        { ["sbom", "sbom.json", "--format", "spdx-json", "--output", ""], "--output needs a value, not an empty one" },
        { ["demo", "--format", "spdx-json"], "--format 'spdx-json' is not a known output format" },
        { ["cvss", "--format", "csv"], "--format 'csv' is not a known output format (known: table, json)" },
        { ["version", "compare", "--ecosystem", "PyPy", "1", "2"], "--ecosystem 'PyPy' is not a known ecosystem with a version scheme; did you mean 'PyPI'?" },
        { ["init", "--output", ""], "--output needs a value, not an empty one" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Command_BadOptionValue_IsUsageErrorInOneLine(string[] args, string message)
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync(args);

        Assert.Equal((ExitCodes.Usage, ""), (result.ExitCode, result.Stdout));
        var lines = result.Stderr.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ctem: " + message, lines[0][..Math.Min(lines[0].Length, message.Length + 6)]);
        Assert.All(lines.Skip(1), line => Assert.Equal("Try 'ctem --help'.", line));
    }

    [Theory]
    [InlineData("db", "status", "--format", "JSON")]
    [InlineData("findings", "--format", "Json")]
    [InlineData("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "--format", "JSON")]
    public async Task Command_FormatInAnyCase_IsAccepted(params string[] args)
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync(args);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var document = System.Text.Json.JsonDocument.Parse(result.Stdout);
    }
}
