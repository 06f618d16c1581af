using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.History;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem diff --product P [--from RUN] [--to RUN]</c>: what changed between two points of a product's history.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product to compare", Required = true };
        var from = RunOption("--from", "The earlier run (default: the run before --to of the same source)");
        var to = RunOption("--to", "The later run (default: the product's latest run)");
        var format = FormatOptions.Output([OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown]);
        var command = new Command(
            "diff",
            "List the findings that are new, resolved, reopened, or changed priority between two runs (default: each source's last run against the one before)")
        {
            product, from, to, format,
        };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var name = parseResult.GetValue(product)!;
            if (!await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var (report, error) = await new FindingDiff(store).ComputeAsync(name, parseResult.GetValue(from), parseResult.GetValue(to), cancellationToken);
            if (report is null)
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: {error}");
                return ExitCodes.Usage;
            }

            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    DiffReportOutput.WriteJson(context.Host.Stdout, report);
                    break;
                case OutputFormat.Markdown:
                    DiffReportOutput.WriteMarkdown(context.Host.Stdout, report);
                    break;
                default:
                    DiffOutput.WriteTable(Consoles.Stdout(context.Host), report);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem diff --product payments-api", "What each source's last run changed, against the run before it"),
            new("ctem diff --product payments-api --format markdown > comment.md", "The same as a pull-request comment"),
            new("ctem diff --product payments-api --from 12 --to 40 --format json", "Net changes between two runs (see 'ctem history')"));
    }

    private static Option<long?> RunOption(string name, string description)
    {
        var option = new Option<long?>(name) { Description = description, HelpName = "RUN" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long?>() is <= 0)
            {
                result.AddError($"{name}: a run id is a positive number (see 'ctem history')");
            }
        });
        return option;
    }
}
