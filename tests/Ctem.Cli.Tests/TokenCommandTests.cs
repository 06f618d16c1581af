using System.Text.Json;
using Ctem.Engine.Access;
using Xunit;

namespace Ctem.Cli.Tests;

public sealed class TokenCommandTests
{
    [Fact]
    public async Task Create_PrintsTheTokenAloneOnStdout_AndStoresOnlyItsHash()
    {
        using var fixture = new CliFixture();

        var created = await fixture.RunAsync("token", "create", "--team", "payments", "--role", "admin");

        Assert.Equal(0, created.ExitCode);
        var secret = Assert.Single(created.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("^ctem_[A-Za-z0-9_-]{43}$", secret);
        var database = await File.ReadAllBytesAsync(fixture.Database);
        Assert.DoesNotContain(secret, System.Text.Encoding.Latin1.GetString(database), StringComparison.Ordinal);
        Assert.Contains(ApiTokens.Hash(secret), System.Text.Encoding.Latin1.GetString(database), StringComparison.Ordinal);
    }

    public static TheoryData<string[], int, string> Refused => new()
    {
        { ["token", "create", "--team", "web", "--role", "owner"], 2, "'owner' not recognized" },
        { ["token", "create", "--role", "reader"], 2, "--team" },
        { ["token", "create", "--team", "web", "--role", "reader", "--expires", "01/02/2027"], 2, "YYYY-MM-DD, not '01/02/2027'" },
        { ["token", "create", "--team", "web", "--role", "reader", "--expires", "2026-11-01"], 2, "not in the future" },
        { ["token", "revoke", "42"], 2, "no active token has the id 42" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadInput_IsAUsageErrorNamingTheValue(string[] args, int exitCode, string message)
    {
        using var fixture = new CliFixture();

        var result = await fixture.RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task ListAndRevoke_ShowStatusAndNeverTheSecret()
    {
        using var fixture = new CliFixture();
        var kept = (await fixture.RunAsync("token", "create", "--team", "payments", "--role", "writer", "--expires", "2027-01-01")).Stdout.Trim();
        var revoked = (await fixture.RunAsync("token", "create", "--team", "web", "--role", "reader")).Stdout.Trim();

        Assert.Equal(0, (await fixture.RunAsync("token", "revoke", "2")).ExitCode);
        Assert.Equal(0, (await fixture.RunAtAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), "token", "list")).ExitCode);
        var list = await fixture.RunAtAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), "token", "list", "--format", "json");

        var tokens = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("tokens").EnumerateArray()
            .Select(t => $"{t.GetProperty("id").GetInt64()} {t.GetProperty("team").GetString()} {t.GetProperty("role").GetString()} {t.GetProperty("status").GetString()}");
        Assert.Equal(["1 payments writer expired", "2 web reader revoked"], tokens);
        Assert.DoesNotContain(kept, list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(revoked, list.Stdout, StringComparison.Ordinal);
    }
}
