using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Engine.Prioritization;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem findings [--product P]</c>: what the latest scans found and nothing has resolved since.</summary>
public static class FindingsCommand
{
    public static Command Create(CliContext context)
    {
        var product = new Option<string?>("--product") { Description = "Only this product's findings" };
        var format = CliContext.FormatOption();
        var failOn = new FailOnOption();
        var command = new Command("findings", "List the current (open) findings of every product, or of one") { product, format };
        failOn.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            if (failOn.Read(context, parseResult) is not { } policy)
            {
                return ExitCodes.Usage;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var name = parseResult.GetValue(product);
            if (name is not null && !(await store.ListProductsAsync(cancellationToken)).Any(p => p.Name == name))
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: no product named '{name}' has been scanned (see 'ctem findings' for all products)");
                return ExitCodes.Usage;
            }

            var stored = await store.GetCurrentFindingsAsync(name, cancellationToken);
            var exploitation = await ExploitationLookup.ForAsync(store, stored.Select(f => f.Vulnerability), cancellationToken);
            var findings = stored.Select(f => FindingView.From(f).With(exploitation)).ToList();
            var chosen = parseResult.GetValue(format)!;
            if (chosen == OutputFormat.Json)
            {
                JsonOutput.Write(context.Host.Stdout, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteStartArray("findings");
                    foreach (var finding in findings)
                    {
                        JsonOutput.WriteFinding(writer, finding);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
            }
            else if (!OutputFormat.TryWriteList(context.Host.Stdout, chosen, findings))
            {
                FindingsTable.Write(Consoles.Stdout(context.Host), findings);
            }

            return FailOnOption.Gate(context, policy, findings, ExitCodes.Ok);
        }));
        return command;
    }
}
