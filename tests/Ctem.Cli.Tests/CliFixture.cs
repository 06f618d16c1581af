using Ctem.Testing;

namespace Ctem.Cli.Tests;

/// <summary>A temp directory with a database path, and the demo's sample inputs.</summary>
internal sealed class CliFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public string Database => _temp.File("ctem.db");

    public string Directory => _temp.Path;

    public static string DemoSbom => Path.Combine(RepoPaths.Samples, "demo", "sbom", "harp-darwin-amd64.sbom.json");

    public static string DemoAdvisories => Path.Combine(RepoPaths.Samples, "demo", "advisories");

    public string File(string name, string content)
    {
        var path = _temp.File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The data directory (XDG_DATA_HOME) of <see cref="RunDemoAsync"/>, with a space in its name to test quoting.</summary>
    public string DataHome => _temp.File("data home");

    public Task<CliResult> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--db", Database]);

    public Task<CliResult> RunAtAsync(DateTimeOffset now, params string[] args) => CliRun.RunAtAsync(now, [.. args, "--db", Database]);

    /// <summary>Runs with the test-only VEX format installed, and $USER set to "ci-user".</summary>
    public Task<CliResult> RunVexAsync(params string[] args) =>
        CliRun.RunWithTestVexAsync(new Dictionary<string, string> { ["USER"] = "ci-user" }, [.. args, "--db", Database]);

    /// <summary>Runs <c>ctem demo</c>, which keeps its database in the data directory: this fixture's, not the user's.</summary>
    public Task<CliResult> RunDemoAsync(params string[] args) =>
        CliRun.RunWithEnvironmentAsync(new Dictionary<string, string> { ["XDG_DATA_HOME"] = DataHome }, ["demo", .. args]);

    public string Redact(string text) => Golden.Redact(text, Directory, RepoPaths.Samples);

    public void Dispose() => _temp.Dispose();
}
