using System.CommandLine;
using Ctem.Cli.Rendering;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem assign ID --to TEAM [--by NAME]</c>: give a finding to a team by hand, over the scope file's rules.</summary>
public static class AssignCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The finding's ID (see 'ctem findings')" };
        var to = new Option<string>("--to") { Description = "The team that owns the finding from now on", Required = true, HelpName = "team" }.NotEmpty();
        var by = new Option<string?>("--by") { Description = "Who assigns it (default: $USER)", HelpName = "name" }.NotEmpty();
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("assign", "Assign a finding to a team by hand; the assignment overrides the scope file's owner rules and is kept in its history") { id, to, by, format };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var who = parseResult.GetValue(by) ?? context.Host.Environment("USER");
            if (string.IsNullOrWhiteSpace(who))
            {
                await context.Host.Stderr.WriteLineAsync("ctem: --by is needed: who assigns the finding ($USER is not set)");
                return ExitCodes.Usage;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var findingId = parseResult.GetValue(id);
            var assigned = await store.AssignAsync(findingId, parseResult.GetValue(to)!.Trim(), who, context.Host.Time.GetUtcNow(), cancellationToken);
            if (assigned is null)
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: no finding has the ID {findingId} (see 'ctem findings')");
                return ExitCodes.Usage;
            }

            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                FindingDecisionJson.WriteAssignment(context.Host.Stdout, assigned);
            }
            else
            {
                await context.Host.Stdout.WriteLineAsync($"Finding {assigned.FindingId} ({assigned.Product}): owner {assigned.From ?? "none"} → {assigned.To}, assigned by {assigned.By}.");
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem assign 42 --to payments --by alice", "Give a finding to the payments team"),
            new("ctem assign 42 --to platform --format json", "The same by $USER, as JSON"));
    }
}
