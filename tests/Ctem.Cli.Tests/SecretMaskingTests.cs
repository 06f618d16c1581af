using System.Text;
using Ctem.Testing;
using Xunit;

namespace Ctem.Cli.Tests;

/// <summary>Gitleaks' secrets never leave the parser unmasked: not in ingest's output, not in the database file.</summary>
public sealed class SecretMaskingTests
{
    private static string Fixture(string file) => Path.Combine(RepoPaths.Root, "tests", "Ctem.Plugins.Tests", "Reports", "Gitleaks", "testdata", file);

    // The secrets of the fixtures as Gitleaks reports them (Secret / offender), taken from the files with python3 json.
    [Theory]
    [InlineData("gitleaks8_many.json", new[] { "secretAWSsecret", "dfjksdjfs3294dfjlsdaf213" })]
    [InlineData("gitleaks7_5_0.json", new[] { "AKIAIOSFODNN7EXAMPLE" })]
    [InlineData("gitleaks_7.5.0.sarif", new[] { "AKIAIOSFODNN7EXAMPLE" })]
    public async Task Ingest_GitleaksReport_RawSecretInNoOutputAndNotInTheDatabase(string file, string[] secrets)
    {
        using var fixture = new CliFixture();
        var report = Fixture(file);
        Assert.All(secrets, s => Assert.Contains(s, File.ReadAllText(report), StringComparison.Ordinal));

        var ingest = await fixture.RunAsync("ingest", report, "--product", "repo", "--format", "json");
        var table = await fixture.RunAsync("findings", "--product", "repo");
        var json = await fixture.RunAsync("findings", "--product", "repo", "--format", "json");
        var explained = await fixture.RunAsync("findings", "--explain", "1");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("\"id\": 1,", json.Stdout, StringComparison.Ordinal);
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            // The JSON reports' titles show the masked secret: what would leak if masking failed.
            Assert.Contains("characters) in ", json.Stdout, StringComparison.Ordinal);
        }

        var database = Directory.GetFiles(fixture.Directory, "ctem.db*").Select(File.ReadAllBytes).ToList();
        Assert.NotEmpty(database);
        foreach (var secret in secrets)
        {
            Assert.All(new[] { ingest, table, json, explained }, r => Assert.DoesNotContain(secret, r.Stdout + r.Stderr, StringComparison.Ordinal));
            Assert.All(database, bytes => Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, $"{secret} is in the database"));
        }
    }
}
