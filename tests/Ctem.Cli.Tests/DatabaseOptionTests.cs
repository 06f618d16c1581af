using Ctem.Cli.Hosting;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class DatabaseOptionTests
{
    [Fact]
    public async Task DbOption_BeforeOrAfterSubcommand_UsesThatFile()
    {
        using var fixture = new CliFixture();
        var before = await CliRun.RunAsync("--db", fixture.Database, "db", "import", CliFixture.DemoAdvisories);
        var after = await CliRun.RunAsync("db", "status", "--db", fixture.Database);
        Assert.Equal((0, 0), (before.ExitCode, after.ExitCode));
        Assert.Contains(fixture.Database, after.Stdout, StringComparison.Ordinal);
        Assert.Contains("154", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtemDbVariable_NoOption_UsesVariable()
    {
        using var fixture = new CliFixture();
        var result = await CliRun.RunWithEnvironmentAsync(new Dictionary<string, string> { ["CTEM_DB"] = fixture.Database }, "db", "status");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(fixture.Database, result.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string?, string?, string?, string?, string> Resolutions => new()
    {
        { "/x/option.db", "/x/env.db", "/xdg", "/home/u", "/x/option.db" },
        { null, "/x/env.db", "/xdg", "/home/u", "/x/env.db" },
        { null, null, "/xdg", "/home/u", "/xdg/ctem/ctem.db" },
        { null, null, null, "/home/u", "/home/u/.local/share/ctem/ctem.db" },
        { null, null, "", "/home/u", "/home/u/.local/share/ctem/ctem.db" },
    };

    [Theory]
    [MemberData(nameof(Resolutions))]
    public void Resolve_Precedence_OptionThenVariableThenXdgThenHome(string? option, string? ctemDb, string? xdg, string? home, string expected)
    {
        var env = new Dictionary<string, string?> { ["CTEM_DB"] = ctemDb, ["XDG_DATA_HOME"] = xdg, ["HOME"] = home };
        Assert.Equal(expected, DatabaseLocator.Resolve(option, name => env.GetValueOrDefault(name)));
    }

    public static TheoryData<string?, string?, string?, string> DemoDatabases => new()
    {
        { "/x/env.db", "/xdg", "/home/u", "/xdg/ctem/demo.db" },
        { null, null, "/home/u", "/home/u/.local/share/ctem/demo.db" },
        { "/x/env.db", "", "/home/u", "/home/u/.local/share/ctem/demo.db" },
    };

    // CTEM_DB names the user's database, which the demo must never replace: the demo's goes to the data directory.
    [Theory]
    [MemberData(nameof(DemoDatabases))]
    public void DemoDatabase_InTheDataDirectoryWhateverCtemDbSays(string? ctemDb, string? xdg, string? home, string expected)
    {
        var env = new Dictionary<string, string?> { ["CTEM_DB"] = ctemDb, ["XDG_DATA_HOME"] = xdg, ["HOME"] = home };
        Assert.Equal(expected, DatabaseLocator.DemoDatabase(name => env.GetValueOrDefault(name)));
    }
}
