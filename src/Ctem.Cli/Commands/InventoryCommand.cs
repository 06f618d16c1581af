using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Graph;
using Ctem.Reporting;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem inventory --product P --kind integrations|services|secrets|models|components [--format table|json]</c>: each
/// kind of asset a product has, with where each was found.
/// </summary>
public static class InventoryCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product whose assets to list", Required = true }.NotEmpty();
        var kind = new Option<string>("--kind") { Description = "What to list: " + string.Join(", ", ProductInventory.Kinds), Required = true }
            .OneOf("inventory kind", ProductInventory.Kinds);
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command(
            "inventory",
            "List the assets a product has, of one kind, with where each was found: the integrations it talks to and the secrets that open them, its services, leaked secrets, AI models, components")
        {
            product, kind, format,
        };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var name = parseResult.GetValue(product)!;
            if (!await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var what = parseResult.GetValue(kind)!;
            var graph = (await store.GetLatestGraphAsync(name, cancellationToken))?.Graph;
            var entries = await ProductInventory.ListAsync(store, name, what, graph, cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                JsonOutput.Write(context.Host.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("product", name);
                    writer.WriteString("kind", what);
                    writer.WriteStartArray("assets");
                    foreach (var entry in entries)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("name", entry.Name);
                        writer.WriteStartObject("details");
                        foreach (var (detail, value) in entry.Details)
                        {
                            writer.WriteString(detail, value);
                        }

                        writer.WriteEndObject();
                        writer.WriteString("foundIn", entry.FoundIn);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            context.Host.Stdout.WriteLine($"{name}: {entries.Count} {what}");
            if (entries.Count > 0)
            {
                LineTable.Write(Consoles.Stdout(context.Host), entries, Columns);
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem inventory --product shop --kind integrations", "Which third-party services the product talks to, and which leaked secrets would open them"),
            new("ctem inventory --product shop --kind services --format json", "The services its SBOMs declare, with endpoints, trust boundaries and data flows"),
            new("ctem inventory --product shop --kind models", "The AI models in its inventory"));
    }

    // The name and where it was found say what it is; the details are cut first on a narrow terminal.
    private static readonly IReadOnlyList<LineTableColumn<InventoryEntry>> Columns =
    [
        new("Name", Rank: 1, MinWidth: 12, PreferredWidth: 30, e => e.Name) { Required = true, CutAt = CutAt.Middle },
        new("Details", Rank: 2, MinWidth: 20, PreferredWidth: 70, e => string.Join("; ", e.Details.Select(d => $"{d.Name}: {d.Value}"))) { Required = true },
        new("Found in", Rank: 3, MinWidth: 12, PreferredWidth: 40, e => e.FoundIn) { CutAt = CutAt.Middle },
    ];
}
