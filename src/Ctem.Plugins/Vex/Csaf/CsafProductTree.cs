using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Plugins.Reports;

namespace Ctem.Plugins.Vex.Csaf;

/// <summary>One product id of a CSAF product tree: what it is (a target) and, for a relationship, the product it is part of.</summary>
internal sealed record CsafProduct(string Id, VexTarget Target, string? PartOf);

/// <summary>
/// A CSAF product tree indexed by product id: full product names in branches (at any depth) and in
/// <c>full_product_names</c>, identified by their helper's purl or CPE, else by name; relationships (a component
/// <c>default_component_of</c> a product, …) as the component inside the product; product groups as their members.
/// </summary>
internal sealed class CsafProductTree
{
    private readonly Dictionary<string, CsafProduct> products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> groups = new(StringComparer.Ordinal);

    public CsafProductTree(JsonElement? tree)
    {
        if (tree is not { } root)
        {
            return;
        }

        foreach (var branch in ReportJson.Array(root, "branches"))
        {
            AddBranch(branch);
        }

        foreach (var product in ReportJson.Array(root, "full_product_names"))
        {
            Add(product);
        }

        foreach (var relationship in ReportJson.Array(root, "relationships"))
        {
            AddRelationship(relationship);
        }

        foreach (var group in ReportJson.Array(root, "product_groups"))
        {
            if (ReportJson.String(group, "group_id") is { } id)
            {
                groups[id] = ReportJson.Strings(group, "product_ids");
            }
        }
    }

    public CsafProduct? Find(string id) => products.GetValueOrDefault(id);

    /// <summary>The product ids an element names directly (<c>product_ids</c>) and through its <c>group_ids</c>.</summary>
    public HashSet<string> IdsOf(JsonElement element)
    {
        var ids = ReportJson.Strings(element, "product_ids").ToHashSet(StringComparer.Ordinal);
        foreach (var group in ReportJson.Strings(element, "group_ids"))
        {
            ids.UnionWith(groups.GetValueOrDefault(group) ?? []);
        }

        return ids;
    }

    private void AddBranch(JsonElement branch)
    {
        if (ReportJson.Object(branch, "product") is { } product)
        {
            Add(product);
        }

        foreach (var child in ReportJson.Array(branch, "branches"))
        {
            AddBranch(child);
        }
    }

    private void Add(JsonElement fullProductName)
    {
        if (ReportJson.String(fullProductName, "product_id") is { Length: > 0 } id)
        {
            products.TryAdd(id, new CsafProduct(id, TargetOf(fullProductName), null));
        }
    }

    // The relationship's own full product name is the component as part of the product: the component's identity, the product's name.
    private void AddRelationship(JsonElement relationship)
    {
        if (ReportJson.Object(relationship, "full_product_name") is not { } full || ReportJson.String(full, "product_id") is not { Length: > 0 } id)
        {
            return;
        }

        var component = ReportJson.String(relationship, "product_reference") is { } componentId ? products.GetValueOrDefault(componentId) : null;
        var product = ReportJson.String(relationship, "relates_to_product_reference") is { } productId ? products.GetValueOrDefault(productId) : null;
        var target = component?.Target ?? TargetOf(full);
        var partOf = product is null ? null : product.Target.Name ?? product.Target.Purl ?? product.Target.Cpe;
        products.TryAdd(id, new CsafProduct(id, target, partOf));
    }

    private static VexTarget TargetOf(JsonElement fullProductName)
    {
        var helper = ReportJson.Object(fullProductName, "product_identification_helper");
        var purlText = helper is { } h ? ReportJson.String(h, "purl") ?? ReportJson.Strings(h, "purls").FirstOrDefault() : null;
        var purl = purlText is not null && PackageUrl.Parse(purlText) is { Success: true } parsed ? parsed.Value.ToString() : null;
        var cpe = helper is { } c ? ReportJson.String(c, "cpe") : null;
        return new VexTarget(purl, null, cpe) { Name = ReportJson.String(fullProductName, "name") };
    }
}
