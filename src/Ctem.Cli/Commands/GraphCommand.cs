using System.CommandLine;
using Ctem.Engine.Graph;
using Ctem.Reporting;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem graph --product P [--format json|dot|mermaid]</c>: the product's exposure graph as built after its latest run.</summary>
public static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product whose graph to print", Required = true }.NotEmpty();
        var format = FormatOptions.Output([Rendering.OutputFormat.Json, GraphOutput.Dot, GraphOutput.Mermaid]);
        var command = new Command(
            "graph",
            "Print a product's exposure graph: entry points, deployments, services, integrations, secrets, data stores, models and the findings between them, as built after its latest scan or ingest")
        {
            product, format,
        };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var name = parseResult.GetValue(product)!;
            if (await StoredGraphs.LatestAsync(context, store, name, cancellationToken) is not { } stored)
            {
                return ExitCodes.Usage;
            }

            var onPaths = PathAnalysis.Of(stored.Graph).Paths.SelectMany(p => p.Nodes).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
            switch (parseResult.GetValue(format))
            {
                case GraphOutput.Dot:
                    GraphOutput.WriteDot(context.Host.Stdout, stored.Graph, onPaths);
                    break;
                case GraphOutput.Mermaid:
                    GraphOutput.WriteMermaid(context.Host.Stdout, stored.Graph, onPaths);
                    break;
                default:
                    GraphOutput.WriteJson(context.Host.Stdout, stored);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem graph --product shop", "The graph as JSON: nodes with where each was found, edges with why"),
            new("ctem graph --product shop --format dot | dot -Tsvg > shop.svg", "A picture: attack steps solid, the nodes on attack paths red, crown jewels doubled"),
            new("ctem graph --product shop --format mermaid", "A Mermaid flowchart to paste into a pull request or a wiki page"));
    }
}
