using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.History;
using Ctem.Plugins;
using Ctem.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace Ctem.Server.Dashboard.Pages.Products;

/// <summary>One product: its current inventory per source (direct and transitive, scope), its runs per source, what the last runs changed, and its SBOM.</summary>
public sealed class DetailModel(DashboardData data) : DashboardPage(data)
{
    public const string SbomFormat = "cyclonedx-json";

    public string Product { get; private set; } = "";

    public IReadOnlyList<SourceInventory> Inventories { get; private set; } = [];

    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];

    public FindingDiffReport? Diff { get; private set; }

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
        return File(buffer.ToArray(), "application/vnd.cyclonedx+json", $"{name}.cdx.json");
    }
}
