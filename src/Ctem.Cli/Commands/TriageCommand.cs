using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Core.Model;
using Ctem.Engine.Validation;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem triage ID --state STATE</c>: an analysis recorded by hand on one finding, with who, when and why.</summary>
public static class TriageCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<long>("id") { Description = "The finding's ID (see 'ctem findings')" };
        var state = new Option<string>("--state") { Description = "The analysis", Required = true, HelpName = string.Join('|', VexNames.States) }.OneOf("state", VexNames.States);
        var justification = new Option<string?>("--justification") { Description = "Why not affected", HelpName = "justification" }.OneOf("justification", VexNames.Justifications);
        var detail = new Option<string?>("--detail") { Description = "Why, in words (for affected: what to do, shown as the remediation note)", HelpName = "text" }.NotEmpty();
        var by = new Option<string?>("--by") { Description = "Who made the analysis (default: $USER)", HelpName = "name" }.NotEmpty();
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("triage", "Record an analysis of one finding by hand: not_affected, affected, fixed, under_investigation or false_positive") { id, state, justification, detail, by, format };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var who = parseResult.GetValue(by) ?? context.Host.Environment("USER");
            if (string.IsNullOrWhiteSpace(who))
            {
                await context.Host.Stderr.WriteLineAsync("ctem: --by is needed: who made the analysis ($USER is not set)");
                return ExitCodes.Usage;
            }

            var request = new TriageRequest(parseResult.GetValue(id), VexNames.StateOf(parseResult.GetValue(state)!)!.Value, who)
            {
                Justification = parseResult.GetValue(justification) is { } named ? VexNames.JustificationOf(named)!.Value : VexJustification.Unspecified,
                Detail = parseResult.GetValue(detail),
            };
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var result = await new FindingTriage(store, BuiltInPlugins.VersionSchemes, context.Host.Time).RecordAsync(request, cancellationToken);
            if (result.Error is { } error)
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: {error}");
                return ExitCodes.Usage;
            }

            VexOutput.WriteTriage(context.Host, result, parseResult.GetValue(format)!);
            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem triage 42 --state not_affected --justification vulnerable_code_not_in_execute_path --detail \"we never call template()\" --by alice", "Answer a finding: it leaves the default list, the counts and --fail-on"),
            new("ctem triage 42 --state false_positive --detail \"the scanner confused two packages\"", "A false positive, by $USER"),
            new("ctem triage 42 --state affected --detail \"upgrade to 4.17.21 in the next release\"", "Confirm a finding, with what to do (the remediation note)"));
    }
}
