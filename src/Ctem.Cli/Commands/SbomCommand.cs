using System.CommandLine;
using Ctem.Cli.Rendering;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Engine.Discovery;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary>
/// <c>ctem sbom PATH… --format F</c>: writes what discovery finds as an SBOM (like Syft) — no database, no matching.
/// Also converts one SBOM format into another, keeping every component and its purl.
/// </summary>
public static class SbomCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path") { Description = "SBOMs, lockfiles, package databases or directories", Arity = ArgumentArity.OneOrMore };
        var format = FormatOptions.Output([.. BuiltInPlugins.SbomWriters.Select(w => w.Format)], required: true);
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" }.NotEmpty();
        var product = new Option<string?>("--product") { Description = "Product name (default: the input's own, else the first path's name)" }.NotEmpty();
        var inputs = InputOptions.Create();
        var command = new Command("sbom", "Write the discovered inventory as a CycloneDX or SPDX SBOM") { paths, format, output, product };
        inputs.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var request = parseResult.GetValue(paths)!;
            var collector = new InventoryCollector(BuiltInPlugins.InventoryParsers, inputs.Reader(context, parseResult));
            var collected = await LiveStatus.RunAsync(context.Host, "reading…", progress =>
                collector.CollectAsync(request, inputs.FormatIn(parseResult), progress, cancellationToken));
            DiagnosticsPrinter.Write(context.Host.Stderr, collected.Diagnostics);
            if (collected.Components.Count == 0)
            {
                await context.Host.Stderr.WriteLineAsync("ctem: no components found; no SBOM written");
                return ExitCodes.BadInput;
            }

            var name = parseResult.GetValue(product);
            var productRef = name is not null ? new ProductRef(name, collected.Product?.Name == name ? collected.Product.Version : null)
                : collected.Product ?? new ProductRef(Path.GetFileNameWithoutExtension(request[0].TrimEnd('/', '\\')), null);
            var writer = BuiltInPlugins.SbomWriters.Single(w => w.Format == parseResult.GetValue(format));
            var metadata = new SbomMetadata("ctem", CliVersion.Current, context.Host.Time.GetUtcNow());
            if (!await WriteAsync(context, writer, new Inventory(productRef, collected.Components), metadata, parseResult.GetValue(output)))
            {
                return ExitCodes.Usage;
            }

            return ScanReportWriter.ExitCodeOf(collected.Diagnostics.Any(d => d.IsError) ? OperationStatus.Partial : OperationStatus.Succeeded);
        }));
        return command.WithExamples(
            new("ctem sbom ./my-repo --format cyclonedx-json --output sbom.cdx.json", "Write a source tree's inventory as a CycloneDX SBOM"),
            new("ctem sbom sbom.cdx.json --format spdx-json", "Convert a CycloneDX SBOM to SPDX"));
    }

    /// <summary>False, after saying why on stderr, when <paramref name="output"/> cannot be written (a missing directory, a directory, no permission).</summary>
    private static async Task<bool> WriteAsync(CliContext context, ISbomWriter writer, Inventory inventory, SbomMetadata metadata, string? output)
    {
        if (output is not null)
        {
            // Written beside the target and moved into place, so a failure never leaves half a document.
            var temporary = output + ".tmp";
            try
            {
                await using (var file = File.Create(temporary))
                {
                    writer.Write(inventory, metadata, file);
                }

                File.Move(temporary, output, overwrite: true);
                return true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }

                await context.Host.Stderr.WriteLineAsync($"ctem: cannot write {output}: {ex.Message}");
                return false;
            }
        }

        using var buffer = new MemoryStream();
        writer.Write(inventory, metadata, buffer);
        await context.Host.Stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return true;
    }
}
