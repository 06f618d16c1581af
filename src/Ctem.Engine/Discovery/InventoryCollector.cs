using System.Security.Cryptography;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Inputs;

namespace Ctem.Engine.Discovery;

/// <summary>The inventory read from a scan's inputs: every component with where it was found, and what went wrong.</summary>
public sealed record CollectedInventory(
    ProductRef? Product,
    IReadOnlyList<Component> Components,
    IReadOnlyList<ScanInput> Inputs,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The services the inputs declare (CycloneDX <c>services[]</c>), for the exposure graph.</summary>
    public IReadOnlyList<DeclaredService> Services { get; init; } = [];
}

/// <summary>
/// Discovery's reading half: expands the input paths, hands each document to the parser that claims it (or to the one
/// named by <c>--format-in</c>), and gathers one product inventory from all of them. Inputs, the places components were
/// found and diagnostics name each document as <paramref name="names"/> says (default: its path).
/// </summary>
public sealed class InventoryCollector(IReadOnlyList<IInventoryParser> parsers, InputReader reader, InputNames? names = null)
{
    private readonly InputNames _names = names ?? InputNames.AsGiven;

    public async Task<CollectedInventory> CollectAsync(
        IReadOnlyList<string> paths, string? formatIn, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>(InputReader.CheckExist(paths).Select(Named));
        var forced = formatIn is null ? null : parsers.FirstOrDefault(p => p.Name == formatIn);
        if (formatIn is not null && forced is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, formatIn, $"unknown input format; known: {string.Join(", ", parsers.Select(p => p.Name))}"));
        }

        var inputs = new List<ScanInput>();
        var components = new List<Component>();
        var services = new List<DeclaredService>();
        ProductRef? product = null;
        if (diagnostics.Count > 0)
        {
            return new CollectedInventory(null, components, inputs, diagnostics);
        }

        foreach (var path in paths)
        {
            var explicitFile = File.Exists(path);
            var wanted = (string file) => forced is not null || parsers.Any(p => p.CanParse(file, ReadOnlySpan<byte>.Empty)) || IsLikelyInventory(file);
            foreach (var item in reader.Read(path, wanted, openArchivesInWalk: false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report($"reading {item.Path}");
                var (inventory, format, found) = await ParseAsync(item, explicitFile ? forced : null, explicitFile, cancellationToken);
                diagnostics.AddRange(found.Select(Named));
                if (inventory is not null)
                {
                    inputs.Add(new ScanInput(_names.Of(item.Path), Convert.ToHexStringLower(SHA256.HashData(item.Content!)), format!));
                    components.AddRange(ComponentLines.Resolve(item.Path, item.Content!, inventory.Components).Select(c => c with { Location = c.Location with { Path = _names.Of(c.Location.Path) } }));
                    services.AddRange(inventory.Services);
                    product ??= inventory.Product;
                }
            }
        }

        return new CollectedInventory(product, components, inputs, diagnostics) { Services = services };
    }

    private async Task<(Inventory? Inventory, string? Format, IReadOnlyList<Diagnostic> Diagnostics)> ParseAsync(
        InputItem item, IInventoryParser? forced, bool explicitFile, CancellationToken cancellationToken)
    {
        if (item.Error is not null)
        {
            return (null, null, [item.Error]);
        }

        var parser = forced ?? FindParser(item.Path, item.Content!);
        if (parser is null)
        {
            // Inside a directory walk, files that are not an inventory are simply not ours; a named file is an error.
            return (null, null, !explicitFile ? [] : [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"not a format Ctem reads (supported: {string.Join(", ", parsers.Select(p => p.Name))})")]);
        }

        using var stream = new MemoryStream(item.Content!, writable: false);
        try
        {
            var result = await parser.ParseAsync(new InputSource(item.Path, stream) { Related = reader.ReadRelated }, cancellationToken);
            return (result.Inventory, parser.Name, result.Diagnostics);
        }
#pragma warning disable CA1031 // Isolation of plugins: one failing parser costs its file, not the scan.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return (null, null, [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"{parser.Name} failed on this file ({ex.GetType().Name}: {ex.Message}); please report it")]);
        }
    }

    private Diagnostic Named(Diagnostic diagnostic) => diagnostic with { Path = _names.Of(diagnostic.Path) };

    private IInventoryParser? FindParser(string path, byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 4096));
        foreach (var parser in parsers)
        {
            if (parser.CanParse(path, head))
            {
                return parser;
            }
        }

        return null;
    }

    // In a directory walk the content is not read yet; JSON files are worth a look, the parser decides.
    private static bool IsLikelyInventory(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
