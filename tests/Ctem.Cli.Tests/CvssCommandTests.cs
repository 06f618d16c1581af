using System.Text.Json;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class CvssCommandTests
{
    public static TheoryData<string, string> Lines => new()
    {
        { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS 3.1  base 9.8  score 9.8  critical" },
        { "CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:L/I:L/A:N/E:U/RL:O/RC:U", "CVSS 3.0  base 3.7  temporal 3.0  score 3.0  low" },
        { "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:F/RL:OF/RC:C", "CVSS 2.0  base 7.5  temporal 6.2  score 6.2  medium" },
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "CVSS 4.0  base 9.3  score 9.3 (CVSS-B)  critical" },
        { "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", "CVSS 4.0  base 9.3  threat 8.1  score 8.1 (CVSS-BT)  high" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Cvss_Vector_PrintsScoresAndSeverity(string vector, string expected)
    {
        var result = await CliRun.RunAsync("cvss", vector);
        Assert.Equal((0, expected + Environment.NewLine, ""), (result.ExitCode, result.Stdout, result.Stderr));
    }

    [Fact]
    public async Task Cvss_Json_HasContractFields()
    {
        var result = await CliRun.RunAsync("cvss", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L", "--format", "json");
        using var document = JsonDocument.Parse(result.Stdout);
        var root = document.RootElement;
        Assert.Equal("3.1", root.GetProperty("version").GetString());
        Assert.Equal(9.8, root.GetProperty("baseScore").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("temporalScore").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("environmentalScore").ValueKind);
        Assert.Equal(root.GetProperty("environmentalScore").GetDouble(), root.GetProperty("score").GetDouble());
        Assert.Equal("critical", root.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Cvss_DeprecatedJsonFlag_StillWritesJsonAndSaysSo()
    {
        const string Vector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        var deprecated = await CliRun.RunAsync("cvss", Vector, "--json");
        var current = await CliRun.RunAsync("cvss", Vector, "--format", "json");

        Assert.Equal((0, current.Stdout), (deprecated.ExitCode, deprecated.Stdout));
        Assert.Equal("ctem: --json is deprecated; use --format json" + Environment.NewLine, deprecated.Stderr);
    }

    [Fact]
    public async Task Cvss_StdinWithBadLine_OneLinePerVectorAndExitThree()
    {
        var stdin = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\nCVSS:3.1/AV:X\nAV:N/AC:L/Au:N/C:N/I:N/A:N\n";
        var text = await CliRun.RunWithStdinAsync(stdin, "cvss");
        var json = await CliRun.RunWithStdinAsync(stdin, "cvss", "--format", "json");

        Assert.Equal(ExitCodes.BadInput, text.ExitCode);
        Assert.Equal(["CVSS 3.1  base 9.8  score 9.8  critical", "?", "CVSS 2.0  base 0.0  score 0.0  low"], SplitLines(text.Stdout));
        Assert.Contains("stdin:2:", text.Stderr, StringComparison.Ordinal);
        var objects = SplitLines(json.Stdout).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, objects.Count);
        Assert.True(objects[1].TryGetProperty("error", out _));
        Assert.Equal(0.0, objects[2].GetProperty("score").GetDouble());
    }

    private static string[] SplitLines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
