using System.CommandLine;
using Ctem.Cli.Rendering;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem history --product P [--format table|json]</c>: the product's runs, each with what it changed.</summary>
public static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product whose runs to list", Required = true };
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("history", "List a product's runs (scans, ingests, re-analyses): when, which source, what they read, and how many findings each opened, resolved and reopened") { product, format };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var name = parseResult.GetValue(product)!;
            if (!await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var runs = await store.GetRunsAsync(name, cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                HistoryJson.Write(context.Host.Stdout, name, runs);
            }
            else
            {
                HistoryOutput.WriteTable(Consoles.Stdout(context.Host), name, runs);
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem history --product payments-api", "Every run of the product: when, which source, what it changed"),
            new("ctem history --product payments-api --format json | jq '.runs[-1]'", "The latest run, for a script"));
    }
}
