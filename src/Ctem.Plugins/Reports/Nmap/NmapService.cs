using System.Xml.Linq;

namespace Ctem.Plugins.Reports.Nmap;

/// <summary>What Nmap says runs on a port: <c>https (nginx 1.18)</c> as a label, product and version for the asset.</summary>
internal sealed record NmapService(string? Label, string? ProductAndVersion, string? Description)
{
    public static NmapService Of(XElement? service)
    {
        if (service is null)
        {
            return new(null, null, null);
        }

        var name = NonEmpty(service, "name");
        var product = string.Join(' ', new[] { NonEmpty(service, "product"), NonEmpty(service, "version") }.OfType<string>());
        var productAndVersion = product.Length > 0 ? product : null;
        var label = (name, productAndVersion) switch
        {
            (null, null) => null,
            (null, _) => productAndVersion,
            (_, null) => name,
            _ => $"{name} ({productAndVersion})",
        };
        var details = new[]
        {
            label is null ? null : "service " + label,
            NonEmpty(service, "extrainfo"),
            NonEmpty(service, "ostype") is { } os ? "os " + os : null,
        }.Concat(service.Elements("cpe").Select(c => c.Value.Trim()).Where(c => c.Length > 0));
        var description = string.Join("; ", details.OfType<string>());
        return new(label, productAndVersion, description.Length > 0 ? description : null);
    }

    private static string? NonEmpty(XElement service, string attribute) =>
        ((string?)service.Attribute(attribute))?.Trim() is { Length: > 0 } value ? value : null;
}
