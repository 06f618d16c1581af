using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Core.Scoping;
using Ctem.Engine.History;
using Ctem.Engine.Validation;
using Ctem.Plugins;
using Ctem.Reporting;
using Ctem.Server.Dashboard.Charts;
using Microsoft.AspNetCore.Mvc;

namespace Ctem.Server.Dashboard.Pages.Products;

/// <summary>One product: its current inventory per source (direct and transitive, scope), its runs per source, what the last runs changed, its exposure graph when it has one, and its SBOM and VEX downloads.</summary>
public sealed class DetailModel(DashboardData data, ScopeDocument scope) : DashboardPage(data)
{
    public const string SbomFormat = "cyclonedx-json";

    public const string VexFormat = "openvex";

    public string Product { get; private set; } = "";

    public IReadOnlyList<SourceInventory> Inventories { get; private set; } = [];

    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];

    public FindingDiffReport? Diff { get; private set; }

    /// <summary>The product's latest exposure graph with its paths analysed; null when none was built or it is empty.</summary>
    public ExposureView? Exposure { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!(await Data.VisibleAsync(Caller, cancellationToken)).Contains(name))
        {
            return NotFoundPage($"product '{name}'");
        }

        Product = name;
        ViewData["Title"] = name;
        Inventories = await Data.Store.GetCurrentInventoriesAsync(name, cancellationToken);
        Runs = await Data.Store.GetRunsAsync(name, cancellationToken);
        Diff = Runs.Count == 0 ? null : (await new FindingDiff(Data.Store).ComputeAsync(name, null, null, cancellationToken)).Report;
        Exposure = await Data.Store.GetLatestGraphAsync(name, cancellationToken) is { Graph.Nodes.Count: > 0 } stored ? ExposureView.Of(stored) : null;
        return Page();
    }

    /// <summary>The product's current inventory, every source's components once, as a CycloneDX SBOM (what <c>ctem sbom</c> writes).</summary>
    public async Task<IActionResult> OnGetSbomAsync(string name)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!(await Data.VisibleAsync(Caller, cancellationToken)).Contains(name))
        {
            return NotFoundPage($"product '{name}'");
        }

        var components = (await Data.Store.GetCurrentInventoriesAsync(name, cancellationToken)).SelectMany(i => i.Components).DistinctBy(c => c.Coordinates).ToList();
        var writer = BuiltInPlugins.SbomWriters.Single(w => w.Format == SbomFormat);
        using var buffer = new MemoryStream();
        writer.Write(new Inventory(new ProductRef(name, null), components), new SbomMetadata("ctem", ToolVersion.Current, Data.Now), buffer);
        return File(buffer.ToArray(), "application/vnd.cyclonedx+json", $"{FileName(name)}.cdx.json");
    }

    /// <summary>The product's VEX as OpenVEX: what <c>ctem vex export</c> writes (no scope file here, so no author or supplier policy).</summary>
    public async Task<IActionResult> OnGetVexAsync(string name)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!(await Data.VisibleAsync(Caller, cancellationToken)).Contains(name))
        {
            return NotFoundPage($"product '{name}'");
        }

        var export = await new VexExporter(Data.Store).ExportAsync(new VexExportRequest(name, null, scope.Vex, "ctem", ToolVersion.Current), cancellationToken);
        using var buffer = new MemoryStream();
        BuiltInPlugins.VexWriters.Single(w => w.Format == VexFormat).Write(export, buffer);
        return File(buffer.ToArray(), "application/json", $"{FileName(name)}.openvex.json");
    }

    // A product named after its repository (github.com/elastic/harp) downloads as github.com_elastic_harp.
    private static string FileName(string product) => product.Replace('/', '_');
}
