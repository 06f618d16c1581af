using System.CommandLine;
using System.Text;
using Ctem.Cli.Rendering;
using Ctem.Core.Scoping;
using Ctem.Engine.Validation;
using Ctem.Plugins;

namespace Ctem.Cli.Commands;

/// <summary><c>ctem vex import|export|suggest</c>: the Validation stage's statements of which vulnerabilities affect a product.</summary>
public static class VexCommand
{
    public static readonly string[] ExportFormats = ["openvex", "cyclonedx", "csaf"];

    public static Command Create(CliContext context) =>
        new Command("vex", "Record, suggest and export VEX: which vulnerabilities affect a product, and why not") { CreateImport(context), CreateExport(context), CreateSuggest(context) }.WithExamples(
            new("ctem vex import vendor.openvex.json", "Record a vendor's VEX statements; they apply to the findings they name, now and at later scans"),
            new("ctem vex suggest --product payments-api", "Statements Ctem's evidence backs, for review"),
            new("ctem vex export --product payments-api --format csaf --output vex.json", "Every vulnerability known for the product, with its state, as CSAF VEX"));

    private static Command CreateImport(CliContext context)
    {
        var paths = new Argument<string[]>("file") { Description = "OpenVEX, CycloneDX VEX or CSAF VEX documents, or directories of them", Arity = ArgumentArity.OneOrMore };
        var product = new Option<string?>("--product") { Description = "Bind every statement to this product (default: the product each document names; none: wherever its components occur)" }.NotEmpty();
        var names = context.VexReaders.Select(r => r.Name).Concat(context.VexReaders.Select(r => r.Name.Split('/')[0])).Distinct(StringComparer.Ordinal).ToList();
        var formatIn = FormatOptions.Input(names);
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("import", "Record VEX statements as history; each applies to the findings it names, now and at later scans") { paths, product, formatIn, format };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            var importer = new VexImporter(store, context.VexReaders, BuiltInPlugins.VersionSchemes, context.Reader, context.Host.Time);
            var report = await importer.ImportAsync(new VexImportRequest(parseResult.GetValue(paths)!, parseResult.GetValue(product), parseResult.GetValue(formatIn)), cancellationToken);
            VexOutput.WriteImport(context.Host, report, parseResult.GetValue(format)!);
            return ScanReportWriter.ExitCodeOf(report.Status);
        }));
        return command.WithExamples(
            new("ctem vex import vendor.openvex.json", "Record a vendor's statements; the product each names binds them"),
            new("ctem vex import triage/ --product payments-api", "Every VEX document in a directory, bound to one product"),
            new("ctem vex import advisory.json --format-in csaf", "Read a file as CSAF instead of detecting its format"));
    }

    private static Command CreateExport(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product to export", Required = true }.NotEmpty();
        var release = new Option<string?>("--release") { Description = "The release (product version) the document is about", HelpName = "version" }.NotEmpty();
        var format = FormatOptions.Output(ExportFormats);
        var output = new Option<string?>("--output") { Description = "Write to this file instead of stdout", HelpName = "file" }.NotEmpty();
        var scopeOption = new ScopeOption();
        var command = new Command("export", "Write every vulnerability known for a product with its state, justification and evidence, as VEX") { product, release, format, output };
        scopeOption.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var name = parseResult.GetValue(product)!;
            var chosen = parseResult.GetValue(format)!;
            if (context.VexWriters.FirstOrDefault(w => w.Format == chosen) is not { } writer)
            {
                await context.Host.Stderr.WriteLineAsync($"ctem: no {chosen} VEX writer is installed (installed: {(context.VexWriters.Count == 0 ? "none" : string.Join(", ", context.VexWriters.Select(w => w.Format)))})");
                return ExitCodes.Usage;
            }

            if (scopeOption.Read(context, parseResult, null, out var refused) is not { } scope)
            {
                return refused;
            }

            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            if (!await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var export = await new VexExporter(store).ExportAsync(new VexExportRequest(name, parseResult.GetValue(release), scope.Vex, "ctem", CliVersion.Current), cancellationToken);
            if (parseResult.GetValue(output) is { } path)
            {
                await using var file = File.Create(path);
                writer.Write(export, file);
                await context.Host.Stderr.WriteLineAsync($"ctem: wrote {export.Statements.Count} statement(s) of {name} to {path} ({chosen})");
            }
            else
            {
                using var buffer = new MemoryStream();
                writer.Write(export, buffer);
                await context.Host.Stdout.WriteAsync(Encoding.UTF8.GetString(buffer.ToArray()));
            }

            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem vex export --product payments-api", "OpenVEX on stdout: every vulnerability known for the product, with its state"),
            new("ctem vex export --product payments-api --release 2.4.0 --format cyclonedx --output vex.cdx.json", "CycloneDX VEX of one release, to a file"));
    }

    private static Command CreateSuggest(CliContext context)
    {
        var product = new Option<string>("--product") { Description = "The product to suggest statements for", Required = true }.NotEmpty();
        var apply = new Option<bool>("--apply") { Description = "Record the suggestions, with author ctem" };
        var format = FormatOptions.Output(OutputFormat.Reports);
        var command = new Command("suggest", "Propose VEX statements backed by evidence Ctem holds; --apply records them") { product, apply, format };
        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(context, async () =>
        {
            var name = parseResult.GetValue(product)!;
            await using var store = await context.OpenStoreAsync(parseResult, cancellationToken);
            if (!await ProductArgument.ExistsAsync(context, store, name, cancellationToken))
            {
                return ExitCodes.Usage;
            }

            var suggester = new VexSuggester(store, BuiltInPlugins.VersionSchemes, context.Host.Time);
            var suggestions = await suggester.SuggestAsync(name, VexSuggestionKinds.All, cancellationToken);
            var applied = parseResult.GetValue(apply) && suggestions.Count > 0 ? await suggester.ApplyAsync(name, suggestions, cancellationToken) : null;
            VexOutput.WriteSuggestions(context.Host, suggestions, applied, parseResult.GetValue(format)!);
            return ExitCodes.Ok;
        }));
        return command.WithExamples(
            new("ctem vex suggest --product payments-api", "What Ctem's evidence says does not affect the product, for review"),
            new("ctem vex suggest --product payments-api --apply", "Record those statements, with author ctem"));
    }
}
