using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctem.Cli.Commands;
using Ctem.Cli.Hosting;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>One convention: <c>--format</c> is what a command writes and offers only that; <c>--format-in</c> is what it reads.</summary>
public sealed partial class FormatOptionTests
{
    private const string Lists = "table|json|sarif|csv|markdown";
    private const string Reports = "table|json";

    /// <summary>The output formats each command advertises in its help; "" for a command that has one output only.</summary>
    private static readonly Dictionary<string, string> Advertised = new()
    {
        [""] = "",
        ["scan"] = Lists,
        ["ingest"] = Reports,
        ["discover"] = Reports,
        ["validate"] = Reports,
        ["sbom"] = "cyclonedx-json|cyclonedx-xml|spdx-json",
        ["findings"] = Lists,
        ["history"] = Reports,
        ["diff"] = "table|json|markdown",
        ["sla"] = "table|json|markdown",
        ["assign"] = "table|json",
        ["accept"] = "table|json",
        ["plan"] = "table|json|markdown",
        ["graph"] = "json|dot|mermaid",
        ["paths"] = "table|json|markdown",
        ["inventory"] = Reports,
        ["notify"] = Reports,
        ["tickets"] = "",
        ["tickets sync"] = Reports,
        ["db"] = "",
        ["db import"] = Reports,
        ["db update"] = Reports,
        ["db status"] = Reports,
        ["demo"] = Lists,
        ["version"] = "",
        ["version compare"] = "",
        ["cvss"] = Reports,
        ["init"] = "",
        ["vex"] = "",
        ["vex import"] = Reports,
        ["vex export"] = "openvex|cyclonedx|csaf",
        ["vex suggest"] = Reports,
        ["triage"] = Reports,
        ["help"] = "",
        ["token"] = "",
        ["token create"] = "",
        ["token list"] = Reports,
        ["token revoke"] = "",
        ["serve"] = "",
    };

    public static TheoryData<string[]> Commands() => HelpTests.Commands();

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_AdvertisesTheFormatsItWrites(string[] path)
    {
        Assert.True(Advertised.TryGetValue(string.Join(' ', path), out var expected), $"'{string.Join(' ', path)}' is missing from the table");
        var help = (await CliRun.RunAsync([.. path, "--help"])).Stdout;

        Assert.Equal(expected, FormatLabel().Match(help).Groups[1].Value);
        Assert.DoesNotContain("--output-format", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--json", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("findings", "table", "0 finding(s).")]
    [InlineData("findings", "json", "{")]
    [InlineData("findings", "sarif", "{")]
    [InlineData("findings", "csv", "product,purl,")]
    [InlineData("findings", "markdown", "0 finding(s)")]
    [InlineData("db status", "table", "Database: ")]
    [InlineData("db status", "json", "{")]
    public async Task Command_EachAdvertisedFormat_IsWritten(string command, string format, string start)
    {
        using var fixture = new CliFixture();
        var result = await fixture.RunAsync([.. command.Split(' '), "--format", format]);

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.StartsWith(start, result.Stdout, StringComparison.Ordinal);
        if (start == "{")
        {
            using var document = JsonDocument.Parse(result.Stdout);
        }
    }

    [Fact]
    public async Task Ingest_FormatIn_ReadsTheInputAndFormatWritesTheOutput()
    {
        using var fixture = new CliFixture();
        var trivy = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Reports", "Trivy", "testdata", "npm.json");

        var result = await fixture.RunAsync("ingest", trivy, "--format-in", "Trivy/JSON", "--format", "json", "--product", "web");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal("trivy/json", document.RootElement.GetProperty("reports")[0].GetProperty("format").GetString());
    }

    [Fact]
    public async Task Ingest_DeprecatedOutputFormat_StillWritesThatFormatAndSaysSo()
    {
        using var fixture = new CliFixture();
        var trivy = Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Reports", "Trivy", "testdata", "npm.json");

        var result = await fixture.RunAsync("ingest", trivy, "--output-format", "json", "--product", "web");

        Assert.Equal((0, "ctem: --output-format is deprecated; use --format" + Environment.NewLine), (result.ExitCode, result.Stderr));
        using var document = JsonDocument.Parse(result.Stdout);
    }

    [Fact]
    public void Options_NamingAFormat_AreFormatOrFormatIn()
    {
        var root = CtemCli.CreateRoot(new CliContext(new CliHost(TextWriter.Null, TextWriter.Null, _ => null, TimeProvider.System)));
        var named = All(root).SelectMany(c => c.Options).Where(o => !o.Hidden && o.Name.Contains("format", StringComparison.Ordinal)).Select(o => o.Name);
        Assert.All(named, name => Assert.Contains(name, new[] { "--format", "--format-in" }));
    }

    private static IEnumerable<Command> All(Command command) => command.Subcommands.SelectMany(All).Prepend(command);

    [GeneratedRegex(@"--format <([^>]+)>")]
    private static partial Regex FormatLabel();
}
