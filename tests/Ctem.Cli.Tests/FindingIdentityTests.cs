using System.Text.Json;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>
/// Issue 19: a package a SARIF convention derived says how in JSON (<c>component.identity</c>) and in <c>--explain</c>;
/// once another format of the same scan names it outright, the derivation gives way, and the explanation names the
/// formats each source read.
/// </summary>
public sealed class FindingIdentityTests
{
    [SkippableFact]
    public async Task Ingest_TrivySarifThenJson_IdentityGuessedThenNamedAndBothFormatsExplained()
    {
        RepoPaths.RequireShared();
        using var fixture = new CliFixture();

        await fixture.RunAsync("ingest", RepoPaths.SharedData("scanners", "sarif", "trivy-integration__alpine-310.sarif"), "--product", "alpine");
        var guessed = await fixture.RunAsync("findings", "--format", "json");
        var explainedGuess = await fixture.RunAsync("findings", "--explain", "1");
        await fixture.RunAsync("ingest", RepoPaths.SharedData("scanners", "trivy", "trivy-integration__alpine-310.json"), "--product", "alpine");
        var named = await fixture.RunAsync("findings", "--format", "json");
        var explainedNamed = await fixture.RunAsync("findings", "--explain", "1");

        var before = Components(guessed.Stdout);
        Assert.Equal(4, before.Count);
        Assert.All(before, c => Assert.Equal("guessed", c.GetProperty("identity").GetProperty("confidence").GetString()));
        Assert.Contains("the distribution (alpine) guessed from the image name", before[0].GetProperty("identity").GetProperty("derivedFrom").GetString(), StringComparison.Ordinal);
        Assert.Contains("Package identity guessed: read from the message's 'Package:'", explainedGuess.Stdout.ReplaceLineEndings(" "), StringComparison.Ordinal);

        var after = Components(named.Stdout);
        Assert.Equal(before.Select(c => c.GetProperty("purl").GetString()), after.Select(c => c.GetProperty("purl").GetString()));
        Assert.All(after, c => Assert.False(c.TryGetProperty("identity", out _)));
        var explanation = explainedNamed.Stdout.ReplaceLineEndings(" ");
        Assert.DoesNotContain("Package identity", explanation, StringComparison.Ordinal);
        Assert.Contains("in sarif, trivy/json: reporting it since run 1", explanation, StringComparison.Ordinal);
    }

    private static List<JsonElement> Components(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("component"))];
}
