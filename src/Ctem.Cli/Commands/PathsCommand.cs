using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Graph;
using Ctem.Reporting;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem paths [--product P] [--to NAME] [--top K] [--format table|json|markdown]</c>: attack paths from entry points to
/// crown jewels, the choke points, and the fewest findings whose fix cuts them all.
/// </summary>
public static class PathsCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string?>("--product") { Description = "The product whose paths to print (default: the only product with a graph)" }.NotEmpty();
        var to = new Option<string?>("--to") { Description = "Only the paths to this crown jewel (a data store's name)", HelpName = "name" }.NotEmpty();
        var top = new Option<int>("--top") { Description = "Print only the K most likely paths; the counts and the cut still cover all", HelpName = "K" }.Between(1, PathAnalysis.MaxPaths);
        var format = FormatOptions.Output([OutputFormat.Table, OutputFormat.Json, OutputFormat.Markdown]);
        var command = new Command(
            "paths",
            "Print the attack paths from entry points to crown jewels through exploitable steps, most likely first, the choke points, and a minimum set of findings whose fix cuts every path")
        {
            product, to, top, format,
        };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var name = parseResult.GetValue(product);
            if (name is null)
            {
                var products = await store.ListProductsAsync(cancellationToken);
                if (products.Count != 1)
                {
                    await context.Host.Stderr.WriteLineAsync($"ctem: name the product with --product ({(products.Count == 0 ? "none has been scanned yet" : "known: " + string.Join(", ", products.Select(p => p.Name).Take(10)))})");
                    return ExitCodes.Usage;
                }

                name = products[0].Name;
            }

            if (await StoredGraphs.LatestAsync(context, store, name, cancellationToken) is not { } stored)
            {
                return ExitCodes.Usage;
            }

            var jewel = parseResult.GetValue(to);
            if (jewel is not null && !stored.Graph.CrownJewels.Any(n => n.Name == jewel))
            {
                var known = stored.Graph.CrownJewels.Select(n => n.Name).ToList();
                await context.Host.Stderr.WriteLineAsync($"ctem: '{jewel}' is not a crown jewel of {name} ({(known.Count == 0 ? "the scope file marks none: data[].crownJewel: true" : "crown jewels: " + string.Join(", ", known))})");
                return ExitCodes.Usage;
            }

            var analysis = PathAnalysis.Of(stored.Graph, jewel);
            int? k = parseResult.GetResult(top) is null ? null : parseResult.GetValue(top);
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    PathsOutput.WriteJson(context.Host.Stdout, name, analysis, k);
                    break;
                case OutputFormat.Markdown:
                    PathsOutput.WriteMarkdown(context.Host.Stdout, name, analysis, k);
                    break;
                default:
                    PathsTable.Write(context.Host.Stdout, Consoles.Stdout(context.Host), name, analysis, k);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem paths --product shop", "Every path to a crown jewel, most likely first, and the findings to fix to cut them all"),
            new("ctem paths --product shop --to orders-db --top 5", "The five most likely paths to one crown jewel"),
            new("ctem paths --product shop --format json | jq '.cut'", "The minimum cut for a script: the finding ids and whether the set is optimal"));
    }
}
