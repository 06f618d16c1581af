using System.CommandLine;
using System.Globalization;
using Ctem.Cli.Rendering;
using Ctem.Core.Stores;
using Ctem.Engine.Access;
using Spectre.Console;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem token create|list|revoke</c>: the API's bearer tokens, managed on the machine with direct database access.
/// That is how the first admin token is made; after it, admins can manage tokens through the API too.
/// </summary>
public static class TokenCommand
{
    public static Command Create(CliContext context) =>
        new Command("token", "Manage the API's bearer tokens (for ctem serve)") { CreateCreate(context), CreateList(context), CreateRevoke(context) }.WithExamples(
            new("ctem token create --team payments --role writer", "A token for the payments team's CI, printed once"),
            new("ctem token list", "Every token: team, role, status, last use"),
            new("ctem token revoke 3", "Token 3 stops working at once"));

    private static Command CreateCreate(CliContext context)
    {
        var team = new Option<string>("--team") { Description = "The team the token acts for: it sees only the products whose scope file names this team (owner.team)", Required = true }.NotEmpty();
        var role = new Option<string>("--role") { Description = "reader (read), writer (also scan and ingest) or admin (also manage tokens and teams)", Required = true, HelpName = "reader|writer|admin" }
            .AcceptOnlyFromAmong("reader", "writer", "admin");
        var expires = new Option<string?>("--expires") { Description = "The day (UTC, YYYY-MM-DD) the token stops working, at its start; default: never", HelpName = "DATE" };
        var command = new Command("create", "Create a token and print it, alone on stdout, once: only its SHA-256 is stored") { team, role, expires };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            DateTimeOffset? expiresAt = null;
            if (parseResult.GetValue(expires) is { } day)
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    context.Host.Stderr.WriteLine($"ctem: --expires takes a date as YYYY-MM-DD, not '{day}'");
                    return ExitCodes.Usage;
                }

                expiresAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                if (expiresAt <= context.Host.Time.GetUtcNow())
                {
                    context.Host.Stderr.WriteLine($"ctem: --expires {day} is not in the future: the token would never work");
                    return ExitCodes.Usage;
                }
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var issued = await context.Tokens(store).IssueAsync(parseResult.GetValue(team)!, ApiTokens.ParseRole(parseResult.GetValue(role))!.Value, expiresAt, cancellationToken);
            context.Host.Stdout.WriteLine(issued.Secret);
            context.Host.Stderr.WriteLine($"Token {issued.Token.Id} for team '{issued.Token.Team}' ({parseResult.GetValue(role)}); it is shown only now: store it safely.");
            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem token create --team platform --role admin", "The first admin token (on the server's machine)"),
            new("ctem token create --team payments --role reader --expires 2027-01-01", "A read-only token that stops working on 1 January 2027"));
    }

    private static Command CreateList(CliContext context)
    {
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("list", "List the tokens: id, team, role, status, when created, expiring and last used (never the tokens themselves)") { format };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var tokens = await store.Tokens.ListTokensAsync(cancellationToken);
            var now = context.Host.Time.GetUtcNow();
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                TokenJson.WriteList(context.Host.Stdout, tokens, now);
            }
            else
            {
                var console = Consoles.Stdout(context.Host);
                console.WriteLine($"{tokens.Count} token(s)");
                if (tokens.Count > 0)
                {
                    LineTable.Write(console, tokens, Columns(now));
                }
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem token list", "Every token as a table"),
            new("ctem token list --format json | jq '.tokens[] | select(.status == \"active\")'", "The active tokens, for a script"));
    }

    private static Command CreateRevoke(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The token's id (see 'ctem token list')" };
        var command = new Command("revoke", "Revoke a token: it stops working at once") { id };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var number = parseResult.GetValue(id);
            if (!await store.Tokens.RevokeTokenAsync(number, cancellationToken))
            {
                context.Host.Stderr.WriteLine($"ctem: no active token has the id {number} (see 'ctem token list')");
                return ExitCodes.Usage;
            }

            context.Host.Stdout.WriteLine($"Token {number} revoked.");
            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem token revoke 3", "Token 3 stops working at once"),
            new("ctem token revoke 7 --db \"$CTEM_DB\"", "Revoke a token in the server's database"));
    }

    private static IReadOnlyList<LineTableColumn<ApiToken>> Columns(DateTimeOffset now) =>
    [
        new("ID", Rank: 1, MinWidth: 2, PreferredWidth: 4, t => t.Id.ToString(CultureInfo.InvariantCulture)) { Required = true, Alignment = Justify.Right },
        new("Team", Rank: 2, MinWidth: 8, PreferredWidth: 20, t => t.Team) { Required = true, CutAt = CutAt.Middle },
        new("Role", Rank: 3, MinWidth: 6, PreferredWidth: 6, t => ApiTokens.RoleName(t.Role)) { Required = true },
        new("Status", Rank: 4, MinWidth: 7, PreferredWidth: 7, t => TokenJson.Status(t, now)) { Required = true },
        new("Created (UTC)", Rank: 5, MinWidth: 16, PreferredWidth: 16, t => Time(t.CreatedAt)),
        new("Expires (UTC)", Rank: 6, MinWidth: 16, PreferredWidth: 16, t => t.ExpiresAt is { } at ? Time(at) : "never"),
        new("Last used (UTC)", Rank: 7, MinWidth: 16, PreferredWidth: 16, t => t.LastUsedAt is { } at ? Time(at) : "never"),
    ];

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
