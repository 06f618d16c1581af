using System.Security.Cryptography;
using System.Text;
using Ctem.Core.Model;

namespace Ctem.Plugins.Writers;

/// <summary>One component as every writer emits it: a reference unique in the document, and only valid facts.</summary>
internal sealed record SbomComponent(string Ref, Component Component, IReadOnlyList<string> DependsOn, IReadOnlyList<ComponentHash> Hashes);

/// <summary>
/// The inventory prepared for writing, the same for every format: components seen in several inputs once, a unique
/// reference per component, dependency edges only between components that are in the document, digests in the
/// hex form both standards require, and a serial number derived from the content so the same inventory always
/// gives the same document.
/// </summary>
internal sealed class SbomModel
{
    public const string ProductRef = "product";

    private SbomModel(ProductRef product, IReadOnlyList<SbomComponent> components, IReadOnlyList<string> direct, Guid serial)
    {
        Product = product;
        Components = components;
        Direct = direct;
        Serial = serial;
    }

    public ProductRef Product { get; }

    public IReadOnlyList<SbomComponent> Components { get; }

    /// <summary>References of the components the product depends on directly (all of them when no input said).</summary>
    public IReadOnlyList<string> Direct { get; }

    public Guid Serial { get; }

    public static SbomModel From(Inventory inventory)
    {
        var product = inventory.Product ?? new ProductRef("unnamed-product", null);
        var byIdentity = new Dictionary<string, Component>(StringComparer.Ordinal);
        foreach (var component in inventory.Components)
        {
            byIdentity.TryAdd(component.Purl?.ToString() ?? $"{component.Name}@{component.Version}", component);
        }

        var refs = new Dictionary<Component, string>(ReferenceEqualityComparer.Instance);
        var used = new HashSet<string>(StringComparer.Ordinal) { ProductRef };
        var oldToNew = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (identity, component) in byIdentity)
        {
            var candidate = component.BomRef ?? identity;
            var reference = candidate;
            for (var i = 2; !used.Add(reference); i++)
            {
                reference = $"{candidate}#{i}";
            }

            refs[component] = reference;
            if (component.BomRef is { } old)
            {
                oldToNew.TryAdd(old, reference);
            }
        }

        var components = byIdentity.Values.Select(c => new SbomComponent(
            refs[c],
            c,
            c.DependsOn.Select(d => oldToNew.GetValueOrDefault(d)).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            c.Hashes.Select(SbomHashes.Normalize).OfType<ComponentHash>().ToList())).ToList();
        var direct = components.Where(c => c.Component.Relation == DependencyRelation.Direct).Select(c => c.Ref).ToList();
        if (direct.Count == 0)
        {
            direct = components.Where(c => c.Component.Relation != DependencyRelation.Transitive).Select(c => c.Ref).ToList();
        }

        return new SbomModel(product, components, direct, SerialOf(product, components));
    }

    // A name-based UUID (version 5 layout) over the content: stable for the same inventory, different otherwise.
    private static Guid SerialOf(ProductRef product, IReadOnlyList<SbomComponent> components)
    {
        var text = new StringBuilder().Append(product.Name).Append('\n').Append(product.Version).Append('\n');
        foreach (var component in components)
        {
            text.Append(component.Ref).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
